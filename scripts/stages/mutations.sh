#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Can the series' KUnit cases fail? Apply each mutation of
# configs/kunit-mutations.txt to build/linux, rebuild the UML kernel, run
# the series' suites and require the named case to fail (or the run to
# crash); then restore the file. Not part of 'make check' (a rebuild per
# mutation): run it with 'make check-mutations'; MUTATIONS="3 5" runs
# only those.
. "$(dirname "$0")/../lib.sh"

[ -z "$(git -C "$LINUX_TREE" status --porcelain --untracked-files=no)" ] ||
	die "build/linux has uncommitted changes"

restore() {
	git -C "$LINUX_TREE" checkout -q -- drivers/gpu/drm/xe kernel include fs
}
trap restore EXIT

# mutate N: apply mutation N (from 1) and print the case it must fail;
# mutate count: print how many there are.
mutate() {
	python3 - "$CONFIGS/kunit-mutations.txt" "$LINUX_TREE" "$1" <<'PY'
import sys
conf, tree, what = sys.argv[1:]
rows = [line.rstrip("\n").split("\t") for line in open(conf)
        if line.strip() and not line.startswith("#")]
if what == "count":
    print(len(rows))
    sys.exit()
path, old, new, suite, case = rows[int(what) - 1]
old, new = (s.encode().decode("unicode_escape") for s in (old, new))
text = open(f"{tree}/{path}").read()
if text.count(old) != 1:
    sys.exit(f"{path}: {old!r} found {text.count(old)} times")
open(f"{tree}/{path}", "w").write(text.replace(old, new))
print(case, suite, path)
PY
}

total=$(mutate count) killed=0
for i in ${MUTATIONS:-$(seq "$total")}; do
	read -r case suite file < <(mutate "$i") || die "mutation $i does not apply"
	log=$LOGS/mutation-$i.log
	"$TOP/scripts/uml.sh" build >"$log" 2>&1 || die "mutation $i does not build (see $log)"
	kunit_py exec --build_dir "$UML_OUT" --timeout 300 --raw_output=all "$suite" \
		>>"$log" 2>&1 || true
	if grep -Eq "not ok [0-9]+ $case\$|$case.*(crash|timed out)|Kernel panic|BUG:|Oops" "$log"; then
		killed=$((killed + 1))
		echo "killed   #$i $case (${file##*/})"
	else
		echo "SURVIVED #$i $case (${file##*/})"
	fi
	restore
done

# Leave the UML kernel as the series builds it.
"$TOP/scripts/uml.sh" build >"$LOGS/mutation-restore.log" 2>&1
ran=$(echo ${MUTATIONS:-$(seq "$total")} | wc -w)
[ "$killed" -eq "$ran" ] || { echo "$((ran - killed)) of $ran mutations survived"; exit 1; }
echo "$killed of $ran mutations caught by the KUnit suites"
