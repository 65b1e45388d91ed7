#!/usr/bin/env bash
# Installs the Debian packages jgrub and its tests need, when they are missing:
# QEMU (the qemu backend, every boot test), e2fsprogs (mke2fs -d, debugfs: ext test images),
# gdisk/fdisk (sgdisk, sfdisk: partition tables), grub-common (grub-fstest: the reference reader),
# busybox-static (the boot tests' initramfs), gcc (the stand-in libvmmapi of the bhyve tests) and the compressors whose output the
# decompression tests read. The boot tests' kernel comes from scripts/fetch-test-kernel.sh.
set -euo pipefail

need=()
have() { command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] || [ -x "/sbin/$1" ]; }
have qemu-system-x86_64 || need+=(qemu-system-x86)
have mke2fs || need+=(e2fsprogs)
have sgdisk || need+=(gdisk)
have sfdisk || need+=(fdisk)
have grub-fstest || need+=(grub-common)
have xz || need+=(xz-utils)
have zstd || need+=(zstd)
have bzip2 || need+=(bzip2)
have gzip || need+=(gzip)
[ -x /bin/busybox ] || need+=(busybox-static)
have gcc || need+=(gcc libc6-dev)
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
