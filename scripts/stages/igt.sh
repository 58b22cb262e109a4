#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# What can be checked of the IGT series without IGT's source: the patch
# format ([PATCH i-g-t], Signed-off-by, a filled-in cover letter),
# checkpatch --no-tree with configs/igt-checkpatch.conf, and that every
# uapi definition it adds is the kernel series' (its installed headers).
. "$(dirname "$0")/../lib.sh"

patches=$(series_patches "$SERIES_IGT")
[ -n "$patches" ] || { echo "no IGT series yet"; exit "$SKIP"; }

check_series_format "$SERIES_IGT"
mapfile -t flags < <(grep -v '^#' "$CONFIGS/igt-checkpatch.conf")
for p in $patches; do
	name=$(basename "$p")
	grep -Eq "^Subject: \[(RFC )?PATCH i-g-t" "$p" || fail "$name: subject prefix is not [PATCH i-g-t ...] or [RFC PATCH i-g-t ...]"
	checkpatch "${flags[@]}" "$p" || fail "$name: checkpatch"
done

# shellcheck disable=SC2086
uapi_matches_kernel $patches || fail "uapi differs from the kernel series"
n=$(echo "$patches" | grep -c .)
[ "$bad" -eq 0 ] || { echo "$bad problem(s) in the IGT series ($n patches)"; exit 1; }
echo "IGT series: $n patches well-formed, checkpatch clean, uapi identical to the kernel series"
