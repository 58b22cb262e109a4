#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The xe KUnit suites (and the series' own) under UML, with lockdep and
# DRM_XE_DEBUG (configs/uml.kunitconfig).
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
splats=$(grep -E 'BUG:|possible (recursive|circular) locking|inconsistent lock state|suspicious RCU usage|KASAN:|UBSAN:' "$log" || true)
if [ -n "$splats" ]; then
	echo "$splats"
	echo "the kernel complained during the KUnit run (see ${log#"$TOP"/})"
	exit 1
fi
echo "kernel WARNINGs during the run: $(grep -c 'WARNING:' "$log" || true) (see ${log#"$TOP"/})"
[ "$rc" -eq 0 ] && python3 "$TOP/scripts/kunit_summary.py" "$LOGS/kunit.json" | tail -n 1
