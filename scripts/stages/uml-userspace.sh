#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Boot the UML kernel with a hostfs root and run the userspace programs in
# it: the key notification check must pass (the watch_queue core's existing
# user reads what it read before the series), and the UMD example must say
# that there is no Xe device and exit with EX_UNAVAILABLE, as it does on
# any machine without one.
. "$(dirname "$0")/../lib.sh"

"$TOP/scripts/uml.sh" build >/dev/null
"$TOP/scripts/uml.sh" tests
out=$("$TOP/scripts/uml.sh" userspace)
echo "$out"
echo "$out" | grep -q '^boot: ok' || { echo "UML boot check failed (see build/logs/uml-userspace.raw)"; exit 1; }
result=$(echo "$out" | grep '^tests: ') || { echo "UML init did not finish (see build/logs/uml-userspace.raw)"; exit 1; }
echo "$result" | grep -q ' 0 failed' || { echo "userspace $result"; exit 1; }
echo "$out" | grep -q '^result: key_notify_check PASS' ||
	{ echo "key notifications did not behave as before"; exit 1; }
echo "$out" | grep -q '^xe_vm_recovery: .*no Xe render node' &&
	echo "$out" | grep -q '^result: xe_vm_recovery NODEV (exit 69)' ||
	{ echo "the UMD example did not report the missing device as documented"; exit 1; }
echo "userspace $result"
