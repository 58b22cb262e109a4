#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot the UML kernel with a hostfs root and run the userspace tests in it.
# The boot itself is checked (uml-init.sh); with no test program built yet
# the stage says SKIP after that check.
. "$(dirname "$0")/../lib.sh"

"$TOP/scripts/uml.sh" build >/dev/null
out=$("$TOP/scripts/uml.sh" userspace)
echo "$out"
echo "$out" | grep -q '^boot: ok' || { echo "UML boot check failed (see build/logs/uml-userspace.raw)"; exit 1; }
result=$(echo "$out" | grep '^tests: ') || { echo "UML init did not finish (see build/logs/uml-userspace.raw)"; exit 1; }
echo "$result" | grep -q ' 0 failed' || { echo "userspace $result"; exit 1; }
if echo "$result" | grep -q '^tests: 0 passed, 0 failed'; then
	echo "UML boots; no userspace test in the series yet"
	exit "$SKIP"
fi
echo "userspace $result"
