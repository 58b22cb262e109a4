#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Every kernel patch: checkpatch with dim's flags, a Signed-off-by, a
# changelog below "---"; the cover letter: filled in, with a base-commit.
. "$(dirname "$0")/../lib.sh"

patches=$(series_patches "$SERIES_LINUX")
[ -n "$patches" ] || { echo "no kernel patches yet"; exit "$SKIP"; }

check_series_format "$SERIES_LINUX"

# checkpatch asks "does MAINTAINERS need updating?" (FILE_PATH_CHANGES) of
# every patch that adds a file and does not touch MAINTAINERS. Answer it:
# the warning is ignored only when every file the patch adds is covered by
# a MAINTAINERS section other than THE REST, or is the KUnit test of a file
# (foo_kunit.c or foo_test.c next to foo.c) that has the same maintainers
# (kernel/watch_queue.c has no section of its own, and neither can its test).
sections() {
	(cd "$LINUX_TREE" && perl scripts/get_maintainer.pl --no-git --no-git-fallback \
		--no-email --no-l --subsystem -f "$1")
}

new_files_maintained() {
	local f tested
	for f in $(sed -n 's/^ create mode [0-7]* //p' "$1"); do
		sections "$f" | grep -qv '^THE REST$' && continue
		tested=$(echo "$f" | sed -n 's/_\(kunit\|test\)\.c$/.c/p')
		[ -n "$tested" ] && [ -f "$LINUX_TREE/$tested" ] &&
			[ "$(sections "$f")" = "$(sections "$tested")" ] || return 1
	done
}

for p in $patches; do
	name=$(basename "$p")
	# The base is a tarball without upstream history: checkpatch cannot look
	# up the commits of Fixes: tags (their hashes and subjects are checked
	# against the upstream commits by hand; see the cover letter).
	flags=("${CHECKPATCH_FLAGS[@]}" --ignore=UNKNOWN_COMMIT_ID)
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
