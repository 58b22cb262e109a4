#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""One table from the benchmark lines of several runs.

Usage: bench_table.py BENCH_TXT

BENCH_TXT has lines "run N bench: <what> ... median M min A max B" or
"run N bench: overflow <transport> burst B delivered D lost L
reported-losses R". Per row: the median of each run's median, and the
lowest and highest median across runs (ns); overflow rows as counted.
"""
import re
import sys
from collections import OrderedDict

TIMED = re.compile(r'^run (\d+) bench: (.*?) ns/(?:event|pass) median (\d+) min (\d+) max (\d+)(.*)$')
COUNTED = re.compile(r'^run (\d+) bench: overflow (\S+) burst (\d+) delivered (\d+) lost (\d+) reported-losses (\d+)')


def main(path):
    timed, counted = OrderedDict(), OrderedDict()
    for line in open(path):
        m = TIMED.match(line.strip())
        if m:
            timed.setdefault(m.group(2) + m.group(6), []).append(int(m.group(3)))
            continue
        m = COUNTED.match(line.strip())
        if m:
            counted[m.group(2)] = m.groups()[2:]
    if not timed:
        print('no benchmark lines in ' + path)
        return 1
    runs = max(len(v) for v in timed.values())
    print(f'| benchmark ({runs} runs) | median ns | lowest run | highest run |')
    print('|---|---|---|---|')
    for what, medians in timed.items():
        medians.sort()
        print(f'| {what.strip()} | {medians[len(medians) // 2]} | {medians[0]} | {medians[-1]} |')
    if counted:
        print()
        print('| burst nobody reads | events | delivered | lost | loss records |')
        print('|---|---|---|---|---|')
        for what, (burst, delivered, lost, reported) in counted.items():
            print(f'| {what} | {burst} | {delivered} | {lost} | {reported} |')
    return 0


if __name__ == '__main__':
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
