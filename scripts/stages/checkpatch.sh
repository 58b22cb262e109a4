#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Every kernel patch: checkpatch with dim's flags, a Signed-off-by, a
# changelog below "---"; the cover letter: filled in, with a base-commit.
. "$(dirname "$0")/../lib.sh"

patches=$(series_patches "$SERIES_LINUX")
[ -n "$patches" ] || { echo "no kernel patches yet"; exit "$SKIP"; }

bad=0
fail() {
	echo "FAIL: $*"
	bad=$((bad + 1))
}

while read -r problem; do
	fail "$problem"
done < <(series_format_problems "$SERIES_LINUX")

for p in $patches; do
	name=$(basename "$p")
	# The changelog is the "Notes:" block make export writes below "---".
	awk '/^---$/ { cut = 1 } cut && /^Notes:$/ { found = 1 } END { exit !found }' "$p" ||
		fail "$name: no changelog (git notes) below ---"
	if ! (cd "$LINUX_TREE" && checkpatch "${CHECKPATCH_FLAGS[@]}" "$p"); then
		fail "$name: checkpatch"
	fi
done
n=$(echo "$patches" | grep -c .)
[ "$bad" -eq 0 ] || { echo "$bad problem(s) in $n patches"; exit 1; }
echo "$n patches clean (checkpatch ${CHECKPATCH_FLAGS[*]})"
