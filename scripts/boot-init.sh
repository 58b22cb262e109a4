#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
# init (PID 1) of the initramfs that 'make check-boot' boots under QEMU.
# Prints one "check: NAME ok|FAIL detail" line per check on the serial
# console, then powers the guest off.

/bin/busybox --install -s /bin
export PATH=/bin

check() {
	if [ "$2" = 0 ]; then
		echo "check: $1 ok${3:+ ($3)}"
	else
		echo "check: $1 FAIL${3:+ ($3)}"
	fi
}

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
check booted 0 "$(uname -r)"

# xe and what it needs, in modprobe's order, from the package's modules.
rc=0 failed=
for m in $(cat /xe.deps); do
	out=$(insmod "$m" 2>&1) || { rc=1; failed="$failed ${m##*/}: $out"; }
done
grep -q '^xe ' /proc/modules || rc=1
check modprobe-xe "$rc" "$(wc -l </xe.deps) modules${failed:+;$failed}"

bad=$(dmesg | grep -E 'WARNING:|BUG:|Oops|lockdep|possible (recursive|circular) locking|Unknown symbol|disagrees about version|module verification failed|Call Trace' | head -n 5)
[ -z "$bad" ]
check dmesg-clean $? "$bad"

mount -t debugfs debugfs /sys/kernel/debug
grep -q ' /sys/kernel/debug debugfs ' /proc/mounts
check debugfs $?

# key_notify_check creates and sizes notification pipes first, then uses
# the core's existing user, key notifications.
out=$(key_notify_check 2>&1)
rc=$?
echo "$out" | sed 's/^/guest: /'
echo "$out" | grep -q '^key_notify: notification-pipe ok'
check notification-pipe $?
check key-notifications "$rc" "$(echo "$out" | tail -n 1)"

out=$(xe_vm_recovery -t 1 2>&1)
rc=$?
echo "$out" | sed 's/^/guest: /'
[ "$rc" = 69 ] && echo "$out" | grep -q 'no Xe render node'
check sample $? "exit $rc"

check poweroff 0
poweroff -f
