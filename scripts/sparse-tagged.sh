#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# sparse for Kbuild's CHECK=: prefixes what sparse prints with "sparse: ",
# so the sparse stage tells sparse's warnings from the compiler's. $SPARSE
# is the sparse binary (lib.sh's ensure_sparse).
set -o pipefail
"${SPARSE:?}" "$@" 2>&1 | sed 's/^/sparse: /' >&2
