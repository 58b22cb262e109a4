#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Run the check stages (all, or the ones named) and report each with its
# time and PASS / FAIL / SKIP. A stage is scripts/stages/<name>.sh: exit 0
# passes, 77 skips (nothing to check yet), anything else fails. Its output
# goes to build/logs/<name>.log; the tail of it is shown when it fails.
#
# Usage: check.sh [stage...]
. "$(dirname "$0")/lib.sh"

ALL_STAGES=(apply checkpatch kernel-doc htmldocs build sparse uapi-headers kunit uml-userspace igt compute-runtime)
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=("${ALL_STAGES[@]}")
for s in "${stages[@]}"; do
	[ -x "$TOP/scripts/stages/$s.sh" ] ||
		die "unknown stage '$s' (stages: ${ALL_STAGES[*]})"
done

ensure_deps
mkdir -p "$LOGS"
passed=0 failed=0 skipped=0 summary=()
t0=$SECONDS
for s in "${stages[@]}"; do
	log=$LOGS/$s.log
	start=$SECONDS
	echo "== $s ..."
	rc=0
	"$TOP/scripts/stages/$s.sh" >"$log" 2>&1 || rc=$?
	secs=$((SECONDS - start))
	case $rc in
	0) verdict=PASS passed=$((passed + 1)) ;;
	"$SKIP") verdict=SKIP skipped=$((skipped + 1)) ;;
	*) verdict=FAIL failed=$((failed + 1)) ;;
	esac
	# The last line a stage prints is its one-line result.
	what=$(grep -v '^[[:space:]]*$' "$log" | tail -n 1 | cut -c1-120)
	line=$(printf '%-14s %s %5ds  %s' "$s" "$verdict" "$secs" "$what")
	echo "$line"
	summary+=("$line")
	if [ "$verdict" = FAIL ]; then
		echo "---- last lines of ${log#"$TOP"/} ----"
		tail -n 40 "$log"
		echo "----"
	fi
done

echo
echo "== summary (logs in ${LOGS#"$TOP"/}/), total $((SECONDS - t0))s"
printf '%s\n' "${summary[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
