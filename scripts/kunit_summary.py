#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Per-suite counts of a kunit.py --json result.

Usage: kunit_summary.py KUNIT_JSON

Prints one line per suite and a total; exits 1 if a case failed or none ran.
Parameterised cases count once per parameter, as kunit.py counts them.
"""
import json
import sys


def leaves(group):
    for case in group.get("test_cases", []):
        yield case["status"]
    for sub in group.get("sub_groups", []):
        yield from leaves(sub)


def main(path):
    with open(path, encoding="utf-8") as f:
        top = json.load(f)
    total = {"PASS": 0, "FAIL": 0, "SKIP": 0}
    suites = top.get("sub_groups", [])
    for suite in suites:
        counts = {"PASS": 0, "FAIL": 0, "SKIP": 0}
        for status in leaves(suite):
            key = status if status in counts else "FAIL"
            counts[key] += 1
            total[key] += 1
        print(f"  {suite['name']:<36} {counts['PASS']:4} passed, "
              f"{counts['FAIL']:2} failed, {counts['SKIP']:3} skipped")
    ran = sum(total.values())
    print(f"kunit: {len(suites)} suites, {ran} cases: {total['PASS']} passed, "
          f"{total['FAIL']} failed, {total['SKIP']} skipped")
    return 1 if total["FAIL"] or total["PASS"] == 0 else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
