#!/usr/bin/env bash
# Prints the path of a Debian amd64 kernel (bzImage) for boot tests, fetching it on first use:
# the package linux-image-amd64 depends on is downloaded with `apt-get download` and unpacked
# with `dpkg-deb -x` into a cache outside the repository (never installed).
# Cache: $JGRUB_CACHE, default ~/.cache/jgrub.
set -euo pipefail
cache=${JGRUB_CACHE:-$HOME/.cache/jgrub}
mkdir -p "$cache"
cd "$cache"
found=$(ls -1 "$cache"/kernel/boot/vmlinuz-* 2>/dev/null | head -n 1 || true)
if [ -n "$found" ]; then
    echo "$found"
    exit 0
fi
pkg=$(apt-cache depends linux-image-amd64 2>/dev/null | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
if [ -z "$pkg" ]; then
    apt-get update -qq >&2
    pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ {print $2; exit}')
fi
[ -n "$pkg" ] || { echo "fetch-test-kernel: cannot resolve linux-image-amd64" >&2; exit 1; }
ls "$pkg"_*.deb >/dev/null 2>&1 || apt-get download "$pkg" >&2
rm -rf kernel.tmp && mkdir kernel.tmp
dpkg-deb --fsys-tarfile "$(ls -1 "$pkg"_*.deb | head -n 1)" | tar -x -C kernel.tmp ./boot
rm -rf kernel && mv kernel.tmp kernel
ls -1 "$cache"/kernel/boot/vmlinuz-* | head -n 1
