#!/usr/bin/env bash
# Load-to-handoff time: `jgrub --vmm dump` reading a guest's grub.cfg and loading Debian's kernel
# and a 64 MiB initrd from ext4 into guest memory, beside grub-fstest reading the same two files
# (to /dev/null), in one run. Whole-process wall times, page cache warm.
# Usage: scripts/bench-boot.sh [RUNS]   (needs: mvn package done, e2fsprogs, grub-common)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
[ -f cli/target/jgrub.jar ] || mvn -q -DskipTests package
kernel=$(scripts/fetch-test-kernel.sh)
work=$(mktemp -d)
dump=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
trap 'rm -rf "$work" "$dump"' EXIT
mkdir -p "$work/root/boot/grub"
cp "$kernel" "$work/root/boot/vmlinuz"
head -c 64M /dev/urandom > "$work/root/boot/initrd.img"
cat > "$work/root/boot/grub/grub.cfg" <<'CFG'
set timeout=5
menuentry 'Debian GNU/Linux' {
	insmod ext2
	linux /boot/vmlinuz root=/dev/vda1 ro quiet
	initrd /boot/initrd.img
}
CFG
truncate -s 200M "$work/disk.img"
mke2fs -q -F -t ext4 -d "$work/root" "$work/disk.img"

ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
jgrub_load() { ./jgrub -d "$work/disk.img" -M 512M --vmm dump --dump-dir "$dump" --entry 0 vm1; }
grub_read() { grub-fstest "$work/disk.img" cp /boot/vmlinuz /dev/null && grub-fstest "$work/disk.img" cp /boot/initrd.img /dev/null; }

jgrub_load >/dev/null 2>&1 || { echo "jgrub failed:"; jgrub_load; exit 1; }
grub_read
j=(); g=()
for _ in $(seq "$runs"); do
    j+=("$(ms jgrub_load)")
    g+=("$(ms grub_read)")
done
jm=$(printf '%s\n' "${j[@]}" | median)
gm=$(printf '%s\n' "${g[@]}" | median)
printf '%-32s %s\n' "runs" "$runs (kernel $(stat -c %s "$kernel") bytes + 64 MiB initrd, ext4)"
printf '%-32s median %5d ms   all: %s\n' "jgrub load to handoff (dump)" "$jm" "${j[*]}"
printf '%-32s median %5d ms   all: %s\n' "grub-fstest cp of both files" "$gm" "${g[*]}"
awk -v j="$jm" -v g="$gm" 'BEGIN { printf "%-32s %.2fx grub-fstest\n", "ratio", j / g }'
