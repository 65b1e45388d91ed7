#!/usr/bin/env bash
# Whole-process time of `jgrub cp` against `grub-fstest cp` for one 64 MiB file out of ext4,
# side by side in one run (the target: jgrub no slower than grub-fstest).
# Usage: scripts/bench-cp.sh [RUNS]   (needs: mvn package done, e2fsprogs, grub-common)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
[ -f cli/target/jgrub.jar ] || mvn -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
head -c 64M /dev/urandom > "$work/src/big"
truncate -s 200M "$work/disk.img"
mke2fs -q -F -t ext4 -d "$work/src" "$work/disk.img"

# Wall time of one command in milliseconds.
ms() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Warm the page cache and check both copies are right.
./jgrub -d "$work/disk.img" cp '(hd0)/big' "$work/out.jgrub"
grub-fstest "$work/disk.img" cp /big "$work/out.grub"
cmp "$work/src/big" "$work/out.jgrub"
cmp "$work/src/big" "$work/out.grub"

j=(); g=()
for _ in $(seq "$runs"); do
    j+=("$(ms ./jgrub -d "$work/disk.img" cp '(hd0)/big' "$work/out.jgrub")")
    g+=("$(ms grub-fstest "$work/disk.img" cp /big "$work/out.grub")")
done
jm=$(printf '%s\n' "${j[@]}" | median)
gm=$(printf '%s\n' "${g[@]}" | median)
printf '%-12s %s\n' "runs" "$runs (64 MiB file, ext4, page cache warm)"
printf '%-12s median %5d ms   all: %s\n' "jgrub cp" "$jm" "${j[*]}"
printf '%-12s median %5d ms   all: %s\n' "grub-fstest" "$gm" "${g[*]}"
awk -v j="$jm" -v g="$gm" 'BEGIN { printf "%-12s %.2fx grub-fstest\n", "ratio", j / g }'
