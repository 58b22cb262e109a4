#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# sparse for Kbuild's CHECK=: prefixes what sparse prints with "sparse: ",
# so the sparse stage tells sparse's warnings from the compiler's. $SPARSE
# is the sparse binary (lib.sh's ensure_sparse). The output of one file is
# printed under a lock: with make -j, two sparse runs would interleave
# their lines.
set -o pipefail
out=$("${SPARSE:?}" "$@" 2>&1)
rc=$?
if [ -n "$out" ]; then
	exec 9>>"${TMPDIR:-/tmp}/sparse-tagged.lock"
	flock 9
	printf '%s\n' "$out" | sed 's/^/sparse: /' >&2
fi
exit "$rc"
