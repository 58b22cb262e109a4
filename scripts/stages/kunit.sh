#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The xe KUnit suites (and the series' own) under UML, with lockdep and
# DRM_XE_DEBUG (configs/uml.kunitconfig).
. "$(dirname "$0")/../lib.sh"

"$TOP/scripts/uml.sh" build
rc=0
"$TOP/scripts/uml.sh" kunit || rc=$?
[ -f "$LOGS/kunit.json" ] || { echo "kunit.py wrote no result (exit $rc)"; exit 1; }
python3 "$TOP/scripts/kunit_summary.py" "$LOGS/kunit.json" && [ "$rc" -eq 0 ]
