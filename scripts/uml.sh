#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# The UML kernel of build/linux (HEAD of the series).
#
#   uml.sh build      configure (xe's .kunitconfig + configs/uml.kunitconfig)
#                     and build it with kunit.py, ccache'd
#   uml.sh kunit      run its KUnit suites; JSON in build/logs/kunit.json
#   uml.sh tests      build the userspace programs into build/out/uml-tests/
#                     against the series' installed uapi headers: the UMD
#                     example (the kernel's samples/ build) and
#                     scripts/key_notify_check.c (key notifications, the
#                     watch_queue core's existing user)
#   uml.sh userspace  boot it with the host's / as a hostfs root and
#                     scripts/uml-init.sh as init, which checks the boot and
#                     runs every test program in build/out/uml-tests/
. "$(dirname "$0")/lib.sh"

case ${1:-} in
build)
	mkdir -p "$UML_OUT"
	kunit_py config "${KUNIT_ARGS[@]}"
	kunit_py build "${KUNIT_ARGS[@]}" --jobs "$JOBS" --make_options CC="ccache gcc"
	;;
kunit)
	[ -x "$UML_OUT/linux" ] || die "no UML kernel: run 'scripts/uml.sh build'"
	kunit_py exec "${KUNIT_ARGS[@]}" --timeout 600 --json="$LOGS/kunit.json"
	;;
tests)
	x86_checkout
	x86_make headers samples/watch_queue/
	rm -rf "$UML_TESTS"
	mkdir -p "$UML_TESTS"
	gcc -O2 -Wall -Wextra -Werror -isystem "$X86_OUT/usr/include" \
		-o "$UML_TESTS/key_notify_check" "$TOP/scripts/key_notify_check.c"
	cp "$X86_OUT/samples/watch_queue/xe_vm_recovery" "$UML_TESTS/"
	;;
userspace)
	[ -x "$UML_OUT/linux" ] || die "no UML kernel: run 'scripts/uml.sh build'"
	mkdir -p "$UML_TESTS"
	# Unknown name=value arguments reach init as environment variables.
	timeout 600 "$UML_OUT/linux" mem=1G console=tty kunit.enable=0 \
		rootfstype=hostfs rootflags=/ rw init="$TOP/scripts/uml-init.sh" \
		UML_TESTS="$UML_TESTS" UML_RELEASE="$(cat "$UML_OUT/include/config/kernel.release")" \
		</dev/null | tee "$LOGS/uml-userspace.raw" |
		sed -n 's/^uml-init: //p' | tr -d '\r'
	;;
*)
	die "usage: uml.sh build|kunit|tests|userspace"
	;;
esac
