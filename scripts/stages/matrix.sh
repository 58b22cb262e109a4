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

ensure_deps clang lld llvm gcc-aarch64-linux-gnu

# name | make variables | config changes (=n drops the option and what
# depends on it from the fragment; defconfig's BLK_DEV_IO_TRACE selects
# DEBUG_FS; the header test and the sample are userspace programs, which
# need a C library of the target)
ENTRIES='
no-watch-queue    |                                             | WATCH_QUEUE=n
no-fault-inject   |                                             | FAULT_INJECTION=n
no-debugfs        |                                             | DEBUG_FS=n BLK_DEV_IO_TRACE=n
no-debugfs-no-fi  |                                             | DEBUG_FS=n BLK_DEV_IO_TRACE=n FAULT_INJECTION=n
i386              | ARCH=i386                                   | UAPI_HEADER_TEST=n SAMPLE_WATCH_QUEUE=n
clang             | LLVM=1 KCC=clang                            |
arm64             | ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- KCC=aarch64-linux-gnu-gcc | UAPI_HEADER_TEST=n SAMPLE_WATCH_QUEUE=n
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
create_pipe_files KUNIT
'

bad=0
while IFS='|' read -r name vars changes; do
	name=$(echo "$name" | xargs)
	[ -n "$name" ] || continue
	case " ${MATRIX:-$name} " in *" $name "*) ;; *) continue ;; esac
	out=$BUILD/out/matrix-$name

	frag=$(variant_fragment "$out" $changes)

	KCC=gcc KARGS=()
	for v in $vars; do
		case $v in KCC=*) KCC=${v#KCC=} ;; *) KARGS+=("$v") ;; esac
	done

	start=$SECONDS
	targets=(drivers/gpu/drm/xe/ fs/pipe.o)
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
	*" LLVM=1 "*) nm=llvm-nm ;;
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
	set_opts=$(grep -oE '^CONFIG_(WATCH_QUEUE|DEBUG_FS|FAULT_INJECTION|FAULT_INJECTION_DEBUG_FS|DRM_XE_KUNIT_TEST)=[ym]' "$out/.config" | sed 's/CONFIG_//' | xargs)
	echo "ok   $name: $((SECONDS - start))s, $(echo "$undefined" | grep -c .) undefined symbols checked ($set_opts)"
done <<<"$ENTRIES"

n=$(echo "$ENTRIES" | grep -c '|')
[ -z "${MATRIX:-}" ] || n=$(echo "$MATRIX" | wc -w)
[ "$bad" -eq 0 ] || { echo "$bad of $n matrix entries failed"; exit 1; }
echo "$n matrix entries build (W=1) and leave no unresolvable symbol in xe.o"
