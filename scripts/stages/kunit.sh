#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The xe KUnit suites and the series' own (the watch_queue core's and
# xe's) under UML, with lockdep, KASAN and DRM_XE_DEBUG
# (configs/uml.kunitconfig).
. "$(dirname "$0")/../lib.sh"

"$TOP/scripts/uml.sh" build
rc=0
"$TOP/scripts/uml.sh" kunit || rc=$?
[ -f "$LOGS/kunit.json" ] || { echo "kunit.py wrote no result (exit $rc)"; exit 1; }
python3 "$TOP/scripts/kunit_summary.py" "$LOGS/kunit.json" || rc=1
# A test that passes while lockdep, KASAN or UBSAN complains, or the kernel
# hits a BUG, is a failure. Plain WARNINGs are only counted: the base's own
# suites provoke xe_assert() failures on purpose, and UML warns once that
# no virtio PCI device is configured.
log=$UML_OUT/test.log
SERIES_SUITES='watch_queue xe_vm_restart xe_watch_queue'
splats=$(grep -E "$KUNIT_SPLATS" "$log" || true)
if [ -n "$splats" ]; then
	echo "$splats"
	echo "the kernel complained during the KUnit run (see ${log#"$TOP"/})"
	exit 1
fi
# The series' own suites must run, and without any WARNING.
for suite in $SERIES_SUITES; do
	block=$(awk -v s="$suite" '$0 ~ "# Subtest: " s "$" { on = 1 }
		on { print } on && $0 ~ "ok [0-9]+ " s "$" { exit }' "$log")
	[ -n "$block" ] || { echo "suite $suite did not run"; exit 1; }
	if echo "$block" | grep -q 'WARNING:'; then
		echo "$block" | grep -A3 'WARNING:'
		echo "a WARNING during the series' suite $suite"
		exit 1
	fi
done
grep -o 'bench: .*' "$log" || true
echo "kernel WARNINGs during the run: $(grep -c 'WARNING:' "$log" || true), none in the series' suites (see ${log#"$TOP"/})"
[ "$rc" -eq 0 ] && python3 "$TOP/scripts/kunit_summary.py" "$LOGS/kunit.json" | tail -n 1
