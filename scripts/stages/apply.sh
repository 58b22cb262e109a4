#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The kernel series applies onto the pinned base (build/linux is base + series).
. "$(dirname "$0")/../lib.sh"

"$TOP/scripts/tree.sh"
n=$(series_patches "$SERIES_LINUX" | grep -c . || true)
echo "base $(git -C "$LINUX_TREE" rev-parse --short=12 base) + $n patches applied"
