#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# make check-boot: boot the x86_64 kernel that 'make deb-trimmed' packaged,
# taken from the .deb files themselves, under QEMU (KVM when /dev/kvm can
# be opened and the guest boots there, TCG otherwise), with an initramfs
# of Debian's busybox-static, the packaged modules, and the series'
# userspace programs built against the packaged uapi headers
# (linux-libc-dev). Inside, scripts/boot-init.sh
# loads xe with its dependencies, checks the kernel log, debugfs and a
# notification pipe, runs the programs and powers the guest off; each
# check prints one "check: NAME ok|FAIL ..." line, which this script
# collects. Nothing here has an Xe device: xe loads, probes nothing.
. "$(dirname "$0")/../lib.sh"

ensure_deps qemu-system-x86 busybox-static cpio
pkgs=$BUILD/deb/trimmed
out=$BUILD/boot
image=$(ls "$pkgs"/linux-image-*_amd64.deb 2>/dev/null | grep -v -- -dbg_ | head -n 1)
libc=$(ls "$pkgs"/linux-libc-dev_*_amd64.deb 2>/dev/null | head -n 1)
[ -n "$image" ] && [ -n "$libc" ] ||
	die "no linux-image/linux-libc-dev package in ${pkgs#"$TOP"/}: run 'make deb-trimmed' first"

rm -rf "$out"
mkdir -p "$out/pkg" "$out/hdr" "$out/initramfs"/{bin,dev,proc,sys,tmp,lib/modules}
dpkg-deb -x "$image" "$out/pkg"
dpkg-deb -x "$libc" "$out/hdr"
release=$(ls "$out/pkg/lib/modules")
[ "$(echo "$release" | wc -w)" -eq 1 ] || die "expected one module tree in $(basename "$image")"
kernel=$out/pkg/boot/vmlinuz-$release
[ -f "$kernel" ] || die "$(basename "$image") has no /boot/vmlinuz-$release"
info "booting $(basename "$image") (Linux $release)"

# The modules as packaged; the package's postinst runs depmod, do it here.
cp -a "$out/pkg/lib/modules/$release" "$out/initramfs/lib/modules/"
depmod -b "$out/initramfs" "$release"
# The load order of xe and what it needs, as modprobe resolves it.
modprobe -d "$out/initramfs" -S "$release" --show-depends xe |
	sed -n "s|^insmod $out/initramfs||p" | awk '{ print $1 }' >"$out/initramfs/xe.deps" ||
	die "modprobe cannot resolve xe in the packaged modules"
[ -s "$out/initramfs/xe.deps" ] || die "the package has no xe module"

cp /bin/busybox "$out/initramfs/bin/busybox"
cp "$TOP/scripts/boot-init.sh" "$out/initramfs/init"
# Static programs: the guest has no C library.
build_static() {
	gcc -static -O2 -Wall -Wextra -Werror -isystem "$out/hdr/usr/include" -o "$1" "$2"
}
build_static "$out/initramfs/bin/key_notify_check" "$TOP/scripts/key_notify_check.c"
build_static "$out/initramfs/bin/xe_vm_recovery" "$LINUX_TREE/samples/watch_queue/xe_vm_recovery.c"
(cd "$out/initramfs" && find . | cpio -o -H newc --quiet | gzip -1 >"$out/initramfs.cpio.gz")

# KVM when /dev/kvm can be opened, but a nested KVM may refuse the host's
# CPU model (QEMU aborts on an MSR) or stall: then, as without /dev/kvm,
# TCG, which boots this kernel in seconds.
accels=(tcg)
if [ -r /dev/kvm ] && [ -w /dev/kvm ]; then
	accels=(kvm tcg)
fi
console=$LOGS/boot-console.log
for accel in "${accels[@]}"; do
	case $accel in
	kvm) opts=(-accel kvm -cpu host) limit=120 ;;
	*) opts=(-accel tcg) limit=600 ;;
	esac
	start=$SECONDS
	timeout "$limit" qemu-system-x86_64 "${opts[@]}" -m 2G -smp 2 -nographic -no-reboot \
		-kernel "$kernel" -initrd "$out/initramfs.cpio.gz" \
		-append "console=ttyS0 panic=-1 loglevel=4" </dev/null >"$console" 2>&1 || true
	secs=$((SECONDS - start))
	# The firmware's escape codes may precede the first line on the console.
	grep -aq 'check: booted' "$console" && break
	echo "$accel: the guest did not boot ($(tr -d '\r' <"$console" | grep -av '^$' | tail -n 1 | cut -c1-100))"
done

tr -d '\r' <"$console" | grep -ao 'check: .*' | tee "$out/checks.txt"
want='booted modprobe-xe dmesg-clean debugfs notification-pipe key-notifications sample poweroff'
bad=0
for c in $want; do
	grep -q "^check: $c ok" "$out/checks.txt" || { echo "missing or failed: $c"; bad=$((bad + 1)); }
done
grep -q '^check: .* FAIL' "$out/checks.txt" && bad=$((bad + 1))
[ "$bad" -eq 0 ] || die "check-boot failed (guest console: ${console#"$TOP"/})"
echo "boot: Linux $release from $(basename "$image"), $accel, $secs s to power-off, $(echo $want | wc -w) checks ok"
