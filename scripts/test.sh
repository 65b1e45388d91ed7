#!/usr/bin/env bash
# Runs every test: unit tests, QEMU executions and the packaged-launcher integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-test-deps.sh
exec mvn -B -ntp verify "$@"
