#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Bisectability and W=1: every patch of the series, in order, builds the
# xe driver (with its KUnit objects), kernel/watch_queue.o and fs/pipe.o for x86_64
# with W=1, DRM_XE_WERROR and DRM_XE_DEBUG (configs/x86_64.config).
# 'make check-matrix' adds the build without CONFIG_WATCH_QUEUE (the
# notifier's stubs), other architectures and compilers, and xe's display.
# The last patch leaves that build at HEAD for the sparse and uapi-headers
# stages.
. "$(dirname "$0")/../lib.sh"

commits=$(git -C "$LINUX_TREE" rev-list --reverse base..HEAD)
[ -n "$commits" ] || { echo "no kernel patches yet"; exit "$SKIP"; }

for c in $commits; do
	what=$(git -C "$LINUX_TREE" log -1 --format='%h %s' "$c")
	x86_checkout "$c"
	start=$SECONDS
	x86_make W=1 "${SERIES_OBJECTS[@]}" || {
		echo "FAIL: does not build at $what"
		exit 1
	}
	echo "ok $((SECONDS - start))s: $what"
done
echo "$(echo "$commits" | grep -c .) patches build (x86_64 W=1, DRM_XE_WERROR, DRM_XE_DEBUG)"
