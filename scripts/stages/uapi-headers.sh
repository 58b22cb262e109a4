#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# CONFIG_UAPI_HEADER_TEST at the head of the series: every exported uapi
# header (the series' new ones included) installs and compiles on its own
# with the host compiler and libc.
. "$(dirname "$0")/../lib.sh"

x86_checkout
x86_make usr/
n=$(find "$X86_OUT/usr/include" -name '*.hdrtest' | wc -l)
[ "$n" -gt 0 ] || { echo "no header was test-compiled"; exit 1; }
echo "$n uapi headers compile standalone"
