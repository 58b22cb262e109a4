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

# checkpatch asks "does MAINTAINERS need updating?" (FILE_PATH_CHANGES) of
# every patch that adds a file and does not touch MAINTAINERS. Answer it:
# the warning is ignored only when a MAINTAINERS section other than THE
# REST covers every file the patch adds.
new_files_maintained() {
	local f
	for f in $(sed -n 's/^ create mode [0-7]* //p' "$1"); do
		(cd "$LINUX_TREE" && perl scripts/get_maintainer.pl --no-git --no-git-fallback \
			--no-email --no-l --subsystem -f "$f") | grep -qv '^THE REST$' || return 1
	done
}

for p in $patches; do
	name=$(basename "$p")
	flags=("${CHECKPATCH_FLAGS[@]}")
	if new_files_maintained "$p"; then
		flags+=(--ignore=FILE_PATH_CHANGES)
	fi
	# The changelog is the "Notes:" block make export writes below "---".
	awk '/^---$/ { cut = 1 } cut && /^Notes:$/ { found = 1 } END { exit !found }' "$p" ||
		fail "$name: no changelog (git notes) below ---"
	if ! (cd "$LINUX_TREE" && checkpatch "${flags[@]}" "$p"); then
		fail "$name: checkpatch"
	fi
done
n=$(echo "$patches" | grep -c .)
[ "$bad" -eq 0 ] || { echo "$bad problem(s) in $n patches"; exit 1; }
echo "$n patches clean (checkpatch ${CHECKPATCH_FLAGS[*]})"
