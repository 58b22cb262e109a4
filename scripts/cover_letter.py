#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Carry a hand-written cover letter over a regenerated one.

Usage: cover_letter.py OLD NEW

NEW is git format-patch's template (*** SUBJECT HERE *** / *** BLURB HERE ***)
with a fresh shortlog, diffstat and base-commit: footer. The subject text
(after the "[PATCH ...]" prefix) and the text up to the shortlog are taken
from OLD; NEW is rewritten in place.
"""
import re
import sys

SHORTLOG = re.compile(r"^\S.* \(\d+\):$")


def split(text):
    """Return (headers, body lines) of a mail."""
    head, _, body = text.partition("\n\n")
    return head.split("\n"), body.split("\n")


def subject(headers):
    for line in headers:
        if line.startswith("Subject: "):
            return re.sub(r"^\[[^]]*\]\s*", "", line[len("Subject: "):])
    sys.exit("cover_letter.py: no Subject: header")


def blurb(body):
    """Lines before the shortlog, without trailing blank lines."""
    out = []
    for line in body:
        if SHORTLOG.match(line):
            break
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


def main(old_path, new_path):
    with open(old_path, encoding="utf-8") as f:
        old_head, old_body = split(f.read())
    with open(new_path, encoding="utf-8") as f:
        new_head, new_body = split(f.read())

    text = subject(old_head)
    new_head = [re.sub(r"\*\*\* SUBJECT HERE \*\*\*$", lambda _: text, line)
                for line in new_head]
    rest = new_body[len(blurb(new_body)):]
    with open(new_path, "w", encoding="utf-8") as f:
        f.write("\n".join(new_head) + "\n\n" +
                "\n".join(blurb(old_body) + rest))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
