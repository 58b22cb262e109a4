#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# What can be checked of the compute-runtime series without its source:
# the patch format (Signed-off-by, a filled-in cover letter with
# base-commit: SPEC's compute-runtime commit), and that the uapi it copies
# into third_party/uapi is the kernel series' (its installed headers).
# compute-runtime is C++ with its own clang-format style: no checkpatch.
. "$(dirname "$0")/../lib.sh"

BASE=e37c60bf2ad415d6f60af8b89b849a30a67d8ac1
patches=$(series_patches "$SERIES_COMPUTE_RUNTIME")
[ -n "$patches" ] || { echo "no compute-runtime series yet"; exit "$SKIP"; }

check_series_format "$SERIES_COMPUTE_RUNTIME"
grep -q "^base-commit: $BASE$" "$SERIES_COMPUTE_RUNTIME/0000-cover-letter.patch" ||
	fail "cover letter's base-commit: is not $BASE"
for p in $patches; do
	name=$(basename "$p")
	grep -q '^Subject: \[PATCH' "$p" || fail "$name: no [PATCH ...] subject"
	! grep -q '^+.*[[:space:]]$' "$p" || fail "$name: adds trailing white space"
done
# shellcheck disable=SC2086
uapi_matches_kernel $patches || fail "uapi differs from the kernel series"
n=$(echo "$patches" | grep -c .)
[ "$bad" -eq 0 ] || { echo "$bad problem(s) in the compute-runtime series ($n patches)"; exit 1; }
echo "compute-runtime series: $n patches well-formed, uapi identical to the kernel series"
