#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Line coverage of the series by KUnit (SPEC §5): the UML KUnit kernel
# built again with gcov (kunit's coverage_uml.config) in
# build/out/uml-coverage, its suites run, and at least 90% of the lines
# the series adds to xe and kernel/ (its tests aside) that gcc
# instrumented must have run. Not part of 'make check' (a second full UML
# build): 'make check-coverage'.
#
# gcov under UML needs two fixes on this base, both confined to the build:
# libgcov's global mangle_path() clashes with fs/seq_file.c's, so the link
# allows multiple definitions (UML passes LDFLAGS_EXECSTACK to it; its
# default is kept); and gcc registers the .gcda dump at exit in
# .fini_array.NNNNN sections, which UML's linker script drops, so vmlinux
# is linked with a copy of the script that keeps them. And it is built
# without KASAN: with it, the gcov UML kernel of 7.3 dies in its start-up
# checks (the child of the ptrace check stops with SIGSEGV as it exits,
# where the kept destructors write the .gcda files); coverage does not
# need KASAN, the kunit stage runs the same suites with it.
. "$(dirname "$0")/../lib.sh"

ensure_deps lcov
out=$BUILD/out/uml-coverage
args=(--build_dir "$out" "${KUNIT_CONFIGS[@]}"
	--kunitconfig tools/testing/kunit/configs/coverage_uml.config
	--kconfig_add CONFIG_KASAN=n)
mkdir -p "$out"
kunit_py config "${args[@]}"
KARGS=(ARCH=um)
kmake "$LINUX_TREE" "$out" arch/um/kernel/vmlinux.lds
sed 's/\*(\.fini_array)/*(SORT(.fini_array.*)) &/' "$out/arch/um/kernel/vmlinux.lds" >"$out/vmlinux-gcov.lds"
grep -q 'SORT(.fini_array' "$out/vmlinux-gcov.lds" || die "no .fini_array in UML's linker script"
kunit_py build "${args[@]}" --jobs "$JOBS" --make_options CC="ccache gcc" \
	--make_options "LDFLAGS_EXECSTACK=-z noexecstack --no-warn-rwx-segments --allow-multiple-definition" \
	--make_options KBUILD_LDS=vmlinux-gcov.lds # relative to the build directory
find "$out" -name '*.gcda' -delete
kunit_py exec "${args[@]}" --timeout 1200 --json="$LOGS/coverage-kunit.json" ||
	die "the KUnit run failed (see build/logs/coverage.log)"
lcov -q -c -d "$out" -o "$out/coverage.info"
python3 "$TOP/scripts/coverage_lines.py" "$LINUX_TREE" base..HEAD "$out/coverage.info" 90 \
	drivers/gpu/drm/xe kernel ':!drivers/gpu/drm/xe/tests' ':!kernel/watch_queue_kunit.c'
