#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make bench: the series' benchmark suites (xe_watch_queue_bench,
# xe_vm_restart_bench) in a UML kernel of their own, without lockdep,
# KASAN and DRM_XE_DEBUG (configs/bench.kunitconfig, build/out/uml-bench),
# run $BENCH_RUNS times (default 3); prints one table of the medians of
# each run and the spread across runs. Numbers only: nothing is asserted
# about time (the suites check that what they post arrives).
. "$(dirname "$0")/lib.sh"

ensure_deps
"$TOP/scripts/tree.sh"
out=$BUILD/out/uml-bench
args=(--build_dir "$out" --kunitconfig "$CONFIGS/bench.kunitconfig")
mkdir -p "$out" "$LOGS"
kunit_py config "${args[@]}" >"$LOGS/bench.log" 2>&1
kunit_py build "${args[@]}" --jobs "$JOBS" --make_options CC="ccache gcc" >>"$LOGS/bench.log" 2>&1 ||
	{ tail -n 30 "$LOGS/bench.log"; die "the benchmark kernel does not build"; }
runs=${BENCH_RUNS:-3}
for i in $(seq "$runs"); do
	kunit_py exec "${args[@]}" --timeout 1200 'xe_*bench' >>"$LOGS/bench.log" 2>&1 ||
		{ tail -n 30 "$LOGS/bench.log"; die "a benchmark failed (see build/logs/bench.log)"; }
	grep -o 'bench: .*' "$out/test.log" | sed "s/^/run $i /"
done >"$LOGS/bench.txt"
python3 "$TOP/scripts/bench_table.py" "$LOGS/bench.txt"
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), UML $(cat "$out/include/config/kernel.release"), no lockdep/KASAN"
