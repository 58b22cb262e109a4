#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Check that the uapi a userspace series adds is the kernel series' uapi.

Usage: uapi_compare.py KERNEL_UAPI_DIR PATCH...

Every #define, struct and enum that the patches add to a uapi header
(IGT: include/drm-uapi/, include/drm-uapi-experimental/, include/linux-uapi/;
compute-runtime: third_party/uapi/*/drm/ and .../linux/) must exist, token for token (comments and white space aside), in the
headers under KERNEL_UAPI_DIR
(an installed usr/include of the kernel series). Prints each mismatch and
exits 1 if there is one; exits 2 if the patches add no uapi at all.
"""
import pathlib
import re
import sys

HEADER = re.compile(r"^\+\+\+ b/(include/(?:drm-uapi|drm-uapi-experimental|linux-uapi)"
                    r"|third_party/uapi/[^/]+)/(.+\.h)$")


def strip_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def items(text):
    """Map "define NAME" / "struct NAME" / "enum NAME" to normalized text."""
    text = strip_comments(text).replace("\\\n", " ")
    found = {}
    for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+(\w+)(.*)$", text, re.M):
        body = " ".join(m.group(2).split())
        if not body and re.fullmatch(r"_\w+_H_?", m.group(1)):
            continue  # an include guard (headers_install drops _UAPI)
        found["define " + m.group(1)] = body
    for m in re.finditer(r"\b(struct|enum)\s+(\w+)\s*\{(.*?)\}\s*;", text, re.S):
        found[m.group(1) + " " + m.group(2)] = " ".join(m.group(3).split())
    return found


def added_text(patches):
    """The lines the patches add to uapi headers, per header."""
    added = {}
    for path in patches:
        current = None
        for line in pathlib.Path(path).read_text(encoding="utf-8").splitlines():
            m = HEADER.match(line)
            if m:
                current = m.group(2)
                continue
            if line.startswith("diff --git "):
                current = None
            elif current and line.startswith("+"):
                added.setdefault(current, []).append(line[1:])
    return {h: "\n".join(lines) for h, lines in added.items()}


def main(kdir, patches):
    kernel = {}
    for header in sorted(pathlib.Path(kdir).rglob("*.h")):
        kernel.update(items(header.read_text(encoding="utf-8")))
    added = added_text(patches)
    checked = bad = 0
    for header, text in sorted(added.items()):
        for name, body in sorted(items(text).items()):
            checked += 1
            if name not in kernel:
                print(f"{header}: {name} is not in the kernel series' uapi")
                bad += 1
            elif kernel[name] != body:
                print(f"{header}: {name} differs:\n  series: {body}\n"
                      f"  kernel: {kernel[name]}")
                bad += 1
    if not checked:
        print("the series adds no uapi definition")
        return 2
    print(f"{checked} uapi definitions checked, {bad} differ from the kernel series")
    return 1 if bad else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
