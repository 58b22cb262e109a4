#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The build matrix, at the series' HEAD. Each entry configures defconfig
# of its architecture with configs/x86_64.config plus the entry's changes,
# builds the xe driver and what the series touches outside it with W=1,
# and checks what xe.o (the module before modpost) leaves undefined: no xe
# symbol (a missing stub), no libgcc helper (a 64-bit division on 32-bit),
# and no symbol of the series' kernel APIs whose provider is configured
# out. Not part of 'make check' (a cold build per entry): run it with
# 'make check-matrix' (MATRIX="i386 clang" runs only those entries).
# The no-watch-queue entry builds every patch of the series, the others
# only its head.
. "$(dirname "$0")/../lib.sh"

ensure_deps clang-19 lld-19 llvm-19 gcc-aarch64-linux-gnu gcc-powerpc64le-linux-gnu

# name | make variables | config changes (=n drops the option and what
# depends on it from the fragment, =y adds it; defconfig's BLK_DEV_IO_TRACE
# selects DEBUG_FS; the header test and the sample are userspace programs,
# which need a C library of the target). 7.3 needs clang 17 or later:
# the clang entry uses Debian 12's clang-19 (LLVM=-19 picks its tools).
# powerpc64le encodes ioctl numbers differently (direction bits): its
# entry also compiles the installed uapi headers with the target's
# compiler and checks what is pinned (numbers, sizes, _IOC_NR, _IOC_SIZE,
# _IOC_DIR) and that the full value differs.
# xe needs 4K pages or COMPILE_TEST there. configs/x86_64.config leaves
# xe's display code out (the CI budget); the entries that build every patch
# or another toolchain put it back (DRM_XE_DISPLAY=y).
ENTRIES='
no-watch-queue    |                                             | WATCH_QUEUE=n DRM_XE_DISPLAY=y
no-fault-inject   |                                             | FAULT_INJECTION=n
no-debugfs        |                                             | DEBUG_FS=n BLK_DEV_IO_TRACE=n
no-debugfs-no-fi  |                                             | DEBUG_FS=n BLK_DEV_IO_TRACE=n FAULT_INJECTION=n
i386              | ARCH=i386                                   | UAPI_HEADER_TEST=n SAMPLE_WATCH_QUEUE=n DRM_XE_DISPLAY=y
clang             | LLVM=-19 KCC=clang-19                       | DRM_XE_DISPLAY=y
arm64             | ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- KCC=aarch64-linux-gnu-gcc | UAPI_HEADER_TEST=n SAMPLE_WATCH_QUEUE=n DRM_XE_DISPLAY=y
powerpc64le       | ARCH=powerpc CROSS_COMPILE=powerpc64le-linux-gnu- KCC=powerpc64le-linux-gnu-gcc DEFCONFIG=ppc64le_defconfig | COMPILE_TEST=y DRM_XE_WERROR=n DRM_XE_DEBUG=n UAPI_HEADER_TEST=n SAMPLE_WATCH_QUEUE=n
'

# The kernel APIs the series uses and the option each needs.
PROVIDERS='
init_watch WATCH_QUEUE
add_watch_to_object WATCH_QUEUE
remove_watch_from_object WATCH_QUEUE
get_watch_queue WATCH_QUEUE
put_watch_queue WATCH_QUEUE
__post_watch_notification WATCH_QUEUE
should_fail FAULT_INJECTION
should_fail_ex FAULT_INJECTION
fault_create_debugfs_attr FAULT_INJECTION_DEBUG_FS
debugfs_create_dir DEBUG_FS
'

# The installed uapi headers of build $1, compiled with compiler $2 for its
# architecture: what the series pins holds, the full ioctl values differ
# from x86's (so nothing may pin them).
uapi_encoding() {
	"$2" -x c -std=c11 -Wall -Werror -fsyntax-only -isystem "$1/usr/include" - <<'C'
#include <drm/drm.h>
#include <drm/xe_drm.h>
#include <drm/xe_drm_events.h>
#include <linux/watch_queue.h>
#define PIN(x) _Static_assert(x, #x)
PIN(_IOC_NR(DRM_IOCTL_XE_VM_RESTART) == DRM_COMMAND_BASE + 0x10);
PIN(_IOC_SIZE(DRM_IOCTL_XE_VM_RESTART) == 24);
PIN(_IOC_DIR(DRM_IOCTL_XE_VM_RESTART) == _IOC_WRITE);
PIN(_IOC_NR(DRM_IOCTL_XE_WATCH_QUEUE) == DRM_COMMAND_BASE + 0x11);
PIN(_IOC_SIZE(DRM_IOCTL_XE_WATCH_QUEUE) == 16);
PIN(_IOC_DIR(DRM_IOCTL_XE_WATCH_QUEUE) == _IOC_WRITE);
PIN(DRM_IOCTL_XE_VM_RESTART != 0x40186450);
PIN(DRM_IOCTL_XE_WATCH_QUEUE != 0x40106451);
PIN(sizeof(struct drm_xe_vm_restart) == 24);
PIN(sizeof(struct drm_xe_watch_queue) == 16);
PIN(sizeof(struct drm_xe_watch_notification_vm_err) == 24);
PIN(DRM_XE_VM_CREATE_FLAG_RESTARTABLE == 1 << 4);
PIN(DRM_XE_VM_GET_PROPERTY_PAUSE_ERR == 1);
PIN(WATCH_TYPE_DRM_XE_NOTIFY == 2);
C
}

bad=0
while IFS='|' read -r name vars changes; do
	name=$(echo "$name" | xargs)
	[ -n "$name" ] || continue
	case " ${MATRIX:-$name} " in *" $name "*) ;; *) continue ;; esac
	out=$BUILD/out/matrix-$name

	frag=$(variant_fragment "$out" $changes)

	KCC=gcc KARGS=() DEFCONFIG=defconfig
	for v in $vars; do
		case $v in
		KCC=*) KCC=${v#KCC=} ;;
		DEFCONFIG=*) DEFCONFIG=${v#DEFCONFIG=} ;;
		*) KARGS+=("$v") ;;
		esac
	done

	start=$SECONDS
	targets=(drivers/gpu/drm/xe/ fs/pipe.o headers)
	case " $changes " in *" WATCH_QUEUE=n "*) ;; *) targets+=(kernel/watch_queue.o) ;; esac
	revs=HEAD
	[ "$name" != no-watch-queue ] || revs=$(git -C "$LINUX_TREE" rev-list --reverse base..HEAD)
	failed=
	for rev in $revs; do
		x86_checkout "$(git -C "$LINUX_TREE" rev-parse "$rev")"
		(config_make "$out" "$frag" W=1 "${targets[@]}") >"$out/build.log" 2>&1 ||
			{ failed=$(git -C "$LINUX_TREE" log -1 --format='%h %s' "$rev"); break; }
	done
	x86_checkout
	if [ -n "$failed" ]; then
		echo "FAIL $name: does not build at $failed ($((SECONDS - start))s)"
		tail -n 20 "$out/build.log"
		bad=$((bad + 1))
		continue
	fi

	nm=nm
	case " ${KARGS[*]} " in
	*" LLVM=-"*) nm=llvm-nm$(printf '%s\n' "${KARGS[@]}" | sed -n 's/^LLVM=//p') ;;
	*CROSS_COMPILE=*) nm=$(printf '%s\n' "${KARGS[@]}" | sed -n 's/^CROSS_COMPILE=//p')nm ;;
	esac
	undefined=$("$nm" -u "$out/drivers/gpu/drm/xe/xe.o" | awk '{ print $2 }')
	problems=$(echo "$undefined" | grep -E '^(xe_|__(u)?(div|mod)di3$|__aeabi_)' || true)
	while read -r sym opt; do
		[ -n "$sym" ] || continue
		if echo "$undefined" | grep -qx "$sym" &&
			! grep -q "^CONFIG_$opt=y" "$out/.config"; then
			problems+=" $sym(CONFIG_$opt is off)"
		fi
	done <<<"$PROVIDERS"
	if [ -n "$(echo "$problems" | xargs)" ]; then
		echo "FAIL $name: xe.o leaves undefined:" $problems
		bad=$((bad + 1))
		continue
	fi
	if [ "$name" = powerpc64le ] && ! uapi_encoding "$out" "${KCC}"; then
		echo "FAIL $name: the uapi pins do not hold with this ioctl encoding"
		bad=$((bad + 1))
		continue
	fi
	set_opts=$(grep -oE '^CONFIG_(WATCH_QUEUE|DEBUG_FS|FAULT_INJECTION|FAULT_INJECTION_DEBUG_FS|DRM_XE_KUNIT_TEST)=[ym]' "$out/.config" | sed 's/CONFIG_//' | xargs)
	echo "ok   $name: $((SECONDS - start))s, $(echo "$undefined" | grep -c .) undefined symbols checked ($set_opts)"
done <<<"$ENTRIES"

# A UML KUnit kernel of an entry's own: $1 the entry, $2 its kunitconfig
# (added to xe's), $3 the suites (a glob), $4 an ERE its log must match,
# then more kunit.py arguments. It passes when every case passes, the log
# has no lockdep/KASAN/UBSAN report or BUG, and matches $4.
kunit_entry() {
	local name=$1 config=$2 suites=$3 expect=$4 start=$SECONDS out
	shift 4
	out=$(dirname "$config")
	if kunit_py run --build_dir "$out" --kunitconfig drivers/gpu/drm/xe/.kunitconfig \
		--kunitconfig "$config" --jobs "$JOBS" --make_options CC="ccache gcc" "$@" \
		"$suites" >"$out/run.log" 2>&1 &&
		! grep -Eq "$KUNIT_SPLATS" "$out/test.log" && grep -Eq "$expect" "$out/test.log"; then
		echo "ok   $name: $((SECONDS - start))s, $(grep -c '^    ok ' "$out/test.log") cases passed, $(grep -Eo "$expect" "$out/test.log" | head -n 1 | xargs)"
	else
		echo "FAIL $name: see ${out#"$TOP"/}/run.log and test.log"
		bad=$((bad + 1))
	fi
}

# kunit-no-watch-queue: without CONFIG_WATCH_QUEUE the watch ioctl is a
# stub that must answer -EOPNOTSUPP (a case of xe_vm_restart that only
# exists in that build), and restart and the state query keep working.
case " ${MATRIX:-kunit-no-watch-queue} " in
*" kunit-no-watch-queue "*)
	out=$BUILD/out/uml-no-watch-queue
	mkdir -p "$out"
	grep -v -e '^CONFIG_WATCH_QUEUE' -e '^CONFIG_KEY_NOTIFICATIONS' "$CONFIGS/uml.kunitconfig" >"$out/entry.kunitconfig"
	echo '# CONFIG_WATCH_QUEUE is not set' >>"$out/entry.kunitconfig"
	kunit_entry kunit-no-watch-queue "$out/entry.kunitconfig" 'xe_vm_restart' \
		'^[[:space:]]*ok [0-9]+ xe_vm_watch_queue_not_built$'
	;;
esac

# kunit-smp: the watch_queue suites on two CPUs (make check's UML kernel
# is uniprocessor), where posts really race the close of a file or pipe
# (xe_wq_close_race) under lockdep and KASAN. The log says how many
# rounds saw an event land after the removal record.
case " ${MATRIX:-kunit-smp} " in
*" kunit-smp "*)
	out=$BUILD/out/uml-smp
	mkdir -p "$out"
	{ cat "$CONFIGS/uml.kunitconfig"; printf 'CONFIG_SMP=y\nCONFIG_NR_CPUS=2\n'; } >"$out/entry.kunitconfig"
	kunit_entry kunit-smp "$out/entry.kunitconfig" '*watch_queue' \
		'2 CPUs, posters: 1; rounds with an event after the removal: [0-9]+ of [0-9]+' \
		--kernel_args ncpus=2 --kernel_args seccomp=on
	;;
esac

n=$(($(echo "$ENTRIES" | grep -c '|') + 2))
[ -z "${MATRIX:-}" ] || n=$(echo "$MATRIX" | wc -w)
[ "$bad" -eq 0 ] || { echo "$bad of $n matrix entries failed"; exit 1; }
echo "$n matrix entries build (W=1) and leave no unresolvable symbol in xe.o"
