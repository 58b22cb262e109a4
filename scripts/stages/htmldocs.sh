#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The documentation the series touches builds (Sphinx, SPHINXDIRS limited
# to the Documentation/ folders it changes) without a warning or error about a file
# the series adds or changes (the base has warnings of its own elsewhere).
. "$(dirname "$0")/../lib.sh"
ensure_deps python3-sphinx python3-sphinx-rtd-theme python3-yaml

cd "$LINUX_TREE"
changed=$(git diff --name-only base HEAD)
dirs=$(echo "$changed" | sed -n 's|^Documentation/\([^/]*\)/.*|\1|p' | sort -u)
[ -n "$dirs" ] || { echo "the series changes no documentation yet"; exit "$SKIP"; }

# Always a full build: an incremental one does not repeat the warnings of
# files that did not change since the last run.
out=$BUILD/out/docs
rm -rf "$out"
mkdir -p "$out"
# shellcheck disable=SC2086
make -s -C "$LINUX_TREE" O="$out" SPHINXDIRS="$(echo $dirs)" htmldocs >"$LOGS/htmldocs-raw.log" 2>&1 || {
	tail -n 30 "$LOGS/htmldocs-raw.log"
	echo "htmldocs failed"
	exit 1
}
# Warnings that name a file of the series (the path without Documentation/
# for .rst files: Sphinx prints them relative or absolute).
ours=$(grep -iE 'warning|error' "$LOGS/htmldocs-raw.log" | grep -F -f <(echo "$changed") || true)
if [ -n "$ours" ]; then
	echo "$ours"
	echo "$(echo "$ours" | grep -c .) documentation warning(s) or error(s) in files of the series"
	exit 1
fi
echo "htmldocs of $(echo $dirs): no warning or error in the series' files ($(grep -ciE 'warning|error' "$LOGS/htmldocs-raw.log" || true) elsewhere)"
