#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# sparse (C=2) over drivers/gpu/drm/xe/ and kernel/watch_queue.o at the
# head of the series, in the build the build stage left (W=1, DRM_XE_DEBUG):
# no warning the base does not already have. The base's warnings are listed
# in configs/sparse-baseline.txt (the base is pinned, so the list is fixed);
# 'sparse.sh --baseline' makes it anew from the base. Warnings are compared
# without line numbers, which the series shifts.
. "$(dirname "$0")/../lib.sh"

baseline=$CONFIGS/sparse-baseline.txt
ensure_sparse

# sparse's warnings and errors (not the compiler's), as "file: message",
# sorted; paths relative to the source tree.
run_sparse() {
	x86_make -k W=1 C=2 CHECK="$TOP/scripts/sparse-tagged.sh" \
		drivers/gpu/drm/xe/ kernel/watch_queue.o 2>&1 >/dev/null |
		tee "$LOGS/sparse-raw.log" |
		sed -E -n 's|^sparse: ([^ :]+):[0-9]+:[0-9]+: (warning\|error): |\1: \2: |p' |
		sed -E 's|^.*/wt-x86_64/||' | sort || true
}

if [ "${1:-}" = --baseline ]; then
	x86_checkout "$(git -C "$LINUX_TREE" rev-parse base)"
	run_sparse >"$baseline"
	echo "wrote ${baseline#"$TOP"/}: $(grep -c . "$baseline") lines"
	exit 0
fi

[ -n "$(git -C "$LINUX_TREE" rev-list base..HEAD)" ] || { echo "no kernel patches yet"; exit "$SKIP"; }
x86_checkout
run_sparse >"$LOGS/sparse-head.txt"
new=$(comm -23 "$LOGS/sparse-head.txt" "$baseline")
if [ -n "$new" ]; then
	echo "new sparse warnings (not in the base):"
	echo "$new"
	echo "$(echo "$new" | grep -c .) new sparse warning(s)"
	exit 1
fi
echo "no new sparse warning ($(grep -c . "$LOGS/sparse-head.txt" || true) at head, all in the base's $(grep -c . "$baseline") )"
