#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Line coverage of the lines a series adds, from an lcov tracefile.

usage: coverage_lines.py TREE REVS TRACEFILE MIN_PERCENT PATH...

Takes the lines that 'git diff REVS -- PATH...' adds in TREE, keeps those
gcc instrumented (lcov DA records; comments, declarations and blank lines
have none), and prints per file and in total how many of them ran, then
every line that did not. Exits 1 when the total is below MIN_PERCENT or
no added line was instrumented.
"""
import os
import re
import subprocess
import sys


def added_lines(tree, revs, paths):
    diff = subprocess.run(['git', '-C', tree, 'diff', '-U0', revs, '--'] + paths,
                          check=True, capture_output=True, text=True).stdout
    added, path = {}, None
    for line in diff.splitlines():
        if line.startswith('+++ '):
            path = line[6:] if line.startswith('+++ b/') else None
        m = re.match(r'@@ -\S+ \+(\d+)(?:,(\d+))? @@', line)
        if m and path:
            start, count = int(m.group(1)), int(m.group(2) or 1)
            added.setdefault(path, set()).update(range(start, start + count))
    return added


def instrumented(tracefile, tree):
    counts, path = {}, None
    tree = os.path.realpath(tree) + '/'
    with open(tracefile) as f:
        for line in f:
            line = line.strip()
            if line.startswith('SF:'):
                src = os.path.realpath(line[3:])
                path = src[len(tree):] if src.startswith(tree) else None
            elif line.startswith('DA:') and path:
                num, hits = line[3:].split(',')[:2]
                lines = counts.setdefault(path, {})
                lines[int(num)] = lines.get(int(num), 0) + int(hits)
    return counts


def main():
    tree, revs, tracefile, minimum = sys.argv[1:5]
    added = added_lines(tree, revs, sys.argv[5:])
    counts = instrumented(tracefile, tree)
    total = hit = 0
    missed = []
    for path in sorted(added):
        lines = {n: counts.get(path, {})[n] for n in added[path] if n in counts.get(path, {})}
        if not lines:
            continue
        ran = sum(1 for n in lines if lines[n] > 0)
        total += len(lines)
        hit += ran
        print(f'{path}: {ran}/{len(lines)} added lines ran ({100.0 * ran / len(lines):.1f}%)')
        with open(os.path.join(tree, path)) as f:
            text = f.read().splitlines()
        missed += [f'  {path}:{n}: {text[n - 1].strip()}' for n in sorted(lines) if lines[n] == 0]
    if total == 0:
        print('no added line was instrumented: wrong tracefile or paths?')
        return 1
    if missed:
        print('added lines that did not run:')
        print('\n'.join(missed))
    percent = 100.0 * hit / total
    print(f'coverage of the added lines: {hit}/{total} = {percent:.1f}% (minimum {minimum}%)')
    return 0 if percent >= float(minimum) else 1


if __name__ == '__main__':
    sys.exit(main())
