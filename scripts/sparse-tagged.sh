#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# sparse for Kbuild's CHECK=: prefixes what sparse prints with "sparse: ",
# so the sparse stage tells sparse's warnings from the compiler's.
set -o pipefail
sparse "$@" 2>&1 | sed 's/^/sparse: /' >&2
