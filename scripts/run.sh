#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The main job: assemble build/linux (base + series), build it as a UML
# kernel, boot it to run the KUnit suites, boot it again with a hostfs root
# to run the userspace tests, and report. Exits non-zero on any failure.
. "$(dirname "$0")/lib.sh"

ensure_deps
mkdir -p "$LOGS"
"$TOP/scripts/tree.sh"
info "building the UML kernel (log: build/logs/uml-build.log)"
"$TOP/scripts/uml.sh" build >"$LOGS/uml-build.log" 2>&1 ||
	{ tail -n 30 "$LOGS/uml-build.log"; die "UML build failed"; }
info "running the KUnit suites (log: build/logs/kunit.log)"
krc=0
"$TOP/scripts/uml.sh" kunit >"$LOGS/kunit.log" 2>&1 || krc=$?
info "building the userspace tests (log: build/logs/uml-tests.log)"
"$TOP/scripts/uml.sh" tests >"$LOGS/uml-tests.log" 2>&1 ||
	{ tail -n 30 "$LOGS/uml-tests.log"; die "building the userspace tests failed"; }
info "booting with a hostfs root for the userspace tests (log: build/logs/uml-userspace.log)"
"$TOP/scripts/uml.sh" userspace >"$LOGS/uml-userspace.log" 2>&1 || true

echo
echo "== report"
echo "kernel: Linux $(cat "$UML_OUT/include/config/kernel.release") (ARCH=um), Debian $LINUX_SRC_VERSION"
echo "series: $(git -C "$LINUX_TREE" rev-list --count base..HEAD) patches on base $(git -C "$LINUX_TREE" rev-parse --short=12 base)"
git -C "$LINUX_TREE" log --reverse --format='  %s' base..HEAD
ok=1
if [ -f "$LOGS/kunit.json" ]; then
	python3 "$TOP/scripts/kunit_summary.py" "$LOGS/kunit.json" || ok=0
else
	echo "kunit: no result (see build/logs/kunit.log)"
	ok=0
fi
[ "$krc" -eq 0 ] || ok=0
grep -E '^(boot|tests|result): ' "$LOGS/uml-userspace.log" | sed 's/^/userspace /' || true
grep -q '^boot: ok' "$LOGS/uml-userspace.log" || ok=0
grep -q '^tests: .* 0 failed' "$LOGS/uml-userspace.log" || ok=0
echo "logs: ${LOGS#"$TOP"/}/ (kunit.log, kunit.json, uml-userspace.log, uml-build.log)"
[ "$ok" -eq 1 ] || die "the main job found failures (report above)"
echo "all good"
