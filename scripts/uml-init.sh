#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# init (PID 1) of the UML kernel booted by 'uml.sh userspace'. The root is
# the host's / through hostfs; the mounts below exist only inside UML.
# Every line meant for the host starts with "uml-init: ".

say() { echo "uml-init: $*"; }

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t debugfs debugfs /sys/kernel/debug
mount -t devtmpfs devtmpfs /dev

# The boot check: this is the kernel just built, with a working root.
release=$(uname -r)
if [ "$release" = "$UML_RELEASE" ] && [ -r /proc/self/status ] &&
	grep -q ' /sys/kernel/debug debugfs ' /proc/mounts; then
	say "boot: ok, $(uname -sr), $(grep -c . /proc/filesystems) filesystems"
else
	say "boot: FAIL (uname -r '$release', expected '$UML_RELEASE')"
fi

pass=0 fail=0 skip=0 nodev=0
for t in "$UML_TESTS"/*; do
	[ -f "$t" ] && [ -x "$t" ] || continue
	name=${t##*/}
	"$t" >"/tmp/uml-test-$name.log" 2>&1
	rc=$?
	sed "s/^/uml-init: $name: /" "/tmp/uml-test-$name.log"
	case $rc in
	0) pass=$((pass + 1)) verdict=PASS ;;
	4) skip=$((skip + 1)) verdict=SKIP ;; # KSFT_SKIP
	69) nodev=$((nodev + 1)) verdict=NODEV ;; # EX_UNAVAILABLE: no device
	*) fail=$((fail + 1)) verdict=FAIL ;;
	esac
	say "result: $name $verdict (exit $rc)"
done
say "tests: $pass passed, $fail failed, $skip skipped, $nodev without a device"
sync
echo o >/proc/sysrq-trigger
sleep 10
