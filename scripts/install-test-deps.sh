#!/usr/bin/env bash
# Installs the Debian packages jgrub and its tests need, when they are missing.
# Today: QEMU (the qemu backend and every boot test). Later issues add e2fsprogs, makefs,
# gdisk/fdisk, grub-common and busybox-static here.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1; }
have qemu-system-x86_64 || need+=(qemu-system-x86)
have java || need+=(openjdk-17-jdk-headless)
have mvn || need+=(maven)

if ((${#need[@]} == 0)); then
    exit 0
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
    sudo="sudo"
fi
echo "install-test-deps: installing ${need[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
