# SPDX-License-Identifier: GPL-2.0
# Shared definitions for the project's scripts. Source it; do not run it.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$TOP/build
LOGS=$BUILD/logs
LINUX_TREE=$BUILD/linux
IGT_TREE=$BUILD/igt
SERIES_LINUX=$TOP/linux
SERIES_IGT=$TOP/igt
CONFIGS=$TOP/configs

# The pinned kernel base (SPEC §1).
LINUX_SRC_PKG=linux-source-6.12
LINUX_SRC_VERSION=6.12.117-1~deb12u1
LINUX_SRC_TARBALL=/usr/src/linux-source-6.12.tar.xz
LINUX_KERNELVERSION=6.12.117

# Flags of the DRM maintainer tools (dim checkpatch), SPEC §5.
CHECKPATCH_FLAGS=(--strict --show-types --max-line-length=100
	--ignore=BIT_MACRO,SPLIT_STRING,LONG_LINE_STRING)

JOBS=${JOBS:-$(nproc)}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-10G}
# Hits must not depend on where the project is cloned.
export CCACHE_BASEDIR=$TOP CCACHE_NOHASHDIR=true
# Kbuild output must not depend on who built it or when: ccache hits
# across runs and machines need it.
export KBUILD_BUILD_TIMESTAMP='Thu Jan  1 00:00:00 UTC 1970'
export KBUILD_BUILD_USER=xe-restart KBUILD_BUILD_HOST=build

# Exit status a stage uses for "nothing to check".
SKIP=77

die() {
	echo "error: $*" >&2
	exit 1
}

info() {
	echo ">> $*"
}

# Packages every target needs on a fresh Debian 12 machine.
DEPS_PKGS=(build-essential bc bison flex libelf-dev libssl-dev sparse ccache
	python3 git rsync cpio kmod "$LINUX_SRC_PKG"
	python3-ply python3-git) # checkpatch's SPDX check (scripts/spdxcheck.py)

# Install what is missing with apt; a no-op when all is there.
ensure_deps() {
	local missing=() p
	for p in "${DEPS_PKGS[@]}" "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	info "installing with apt: ${missing[*]}"
	[ "$(id -u)" -eq 0 ] || die "need root to apt-get install ${missing[*]}"
	DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null ||
		die "apt-get update failed"
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
		"${missing[@]}" >/dev/null || die "apt-get install ${missing[*]} failed"
}

# Patch files of a series folder, cover letter excluded, in order.
series_patches() {
	local f
	for f in "$1"/[0-9][0-9][0-9][0-9]-*.patch; do
		[ -f "$f" ] || continue
		case $f in */0000-cover-letter.patch) continue ;; esac
		echo "$f"
	done
}

# Stable patch-ids, one a line: of a series folder ($1 = dir) ...
series_ids() {
	local f
	for f in $(series_patches "$1"); do
		git patch-id --stable <"$f" | cut -d' ' -f1
	done
}

# ... and of the commits after tag 'base' in a git tree ($1 = tree).
tree_ids() {
	local c
	for c in $(git -C "$1" rev-list --reverse base..HEAD); do
		git -C "$1" show "$c" | git patch-id --stable | cut -d' ' -f1
	done
}

# make for a kernel build: source tree $1, output dir $2, then make's args.
# The compiler ($KCC, default gcc) goes through ccache; $KARGS (ARCH=,
# CROSS_COMPILE=, LLVM=1) selects another architecture or toolchain.
KCC=gcc
KARGS=()
kmake() {
	local src=$1 out=$2
	shift 2
	mkdir -p "$out"
	make -s -C "$src" O="$out" -j"$JOBS" CC="ccache $KCC" "${KARGS[@]}" "$@"
}

# The x86_64 build: a work tree of build/linux checked out commit by commit
# (build/linux itself stays as the developer left it), built out of tree.
X86_WT=$BUILD/wt-x86_64
X86_OUT=$BUILD/out/x86_64

# Create the work tree if needed and check out $1 (default: build/linux HEAD).
x86_checkout() {
	local rev=${1:-$(git -C "$LINUX_TREE" rev-parse HEAD)}
	if [ ! -e "$X86_WT/.git" ]; then
		git -C "$LINUX_TREE" worktree prune
		git -C "$LINUX_TREE" worktree add -q --detach "$X86_WT" "$rev"
	fi
	git -C "$X86_WT" checkout -q --detach "$rev"
}

# make in an out-of-tree build ($1) of the x86_64 work tree, configured as
# defconfig with the fragment $2 merged on top (redone when the fragment
# changes, refreshed with olddefconfig for every checkout: a patch may
# change Kconfig); fails if an option of the fragment did not stick.
config_make() {
	local out=$1 frag=$2 o
	shift 2
	if ! cmp -s "$frag" "$out/.fragment"; then
		kmake "$X86_WT" "$out" defconfig >/dev/null
		"$X86_WT/scripts/kconfig/merge_config.sh" -m -O "$out" \
			"$out/.config" "$frag" >/dev/null
		cp "$frag" "$out/.fragment"
	fi
	kmake "$X86_WT" "$out" olddefconfig
	fragment_stuck "$out/.config" "$frag"
	kmake "$X86_WT" "$out" "$@"
}

# Fail unless .config $1 has every option fragment $2 sets (=y, =m, a
# string) and none it turns off.
fragment_stuck() {
	local config=$1 frag=$2 o
	for o in $(grep -o '^CONFIG_[A-Z0-9_]*=\([ym]\|".*"\)$' "$frag"); do
		grep -qxF "$o" "$config" ||
			die "${frag#"$TOP"/}: $o did not stick (a dependency is missing)"
	done
	for o in $(sed -n 's/^# \(CONFIG_[A-Z0-9_]*\) is not set$/\1/p' "$frag"); do
		! grep -q "^$o=" "$config" ||
			die "${frag#"$TOP"/}: $o is still set (something selects it)"
	done
}

# A variant of configs/x86_64.config for an out-of-tree build ($1) with
# options turned off ($2...: OPTION=n, which also drops what depends on
# it); written to $1/fragment.config (untouched if unchanged), path printed.
variant_fragment() {
	local out=$1 frag=$1/fragment.config c o d
	shift
	mkdir -p "$out"
	cp "$CONFIGS/x86_64.config" "$frag.new"
	for c in "$@"; do
		o=${c%%=*}
		for d in "$o" $(option_dependents "$o"); do
			sed -i "/^CONFIG_$d=/d" "$frag.new"
		done
		echo "# CONFIG_$o is not set" >>"$frag.new"
	done
	if cmp -s "$frag.new" "$frag"; then rm "$frag.new"; else mv "$frag.new" "$frag"; fi
	echo "$frag"
}

# Options of configs/x86_64.config that depend on option $1.
option_dependents() {
	case $1 in
	DEBUG_FS) echo DRM_XE_KUNIT_TEST FAULT_INJECTION_DEBUG_FS ;;
	FAULT_INJECTION) echo FAULT_INJECTION_DEBUG_FS ;;
	esac
}

# The x86_64 build of configs/x86_64.config.
x86_make() {
	config_make "$X86_OUT" "$CONFIGS/x86_64.config" "$@"
}

# The UML kernel: KUnit suites built in, booted a second time with a hostfs
# root for the userspace tests.
UML_OUT=$BUILD/out/uml
UML_TESTS=$BUILD/out/uml-tests
KUNIT_CONFIGS=(--kunitconfig drivers/gpu/drm/xe/.kunitconfig
	--kunitconfig "$CONFIGS/uml.kunitconfig")
KUNIT_ARGS=(--build_dir "$UML_OUT" "${KUNIT_CONFIGS[@]}")

# kunit.py of build/linux.
kunit_py() {
	(cd "$LINUX_TREE" && python3 tools/testing/kunit/kunit.py "$@")
}

# checkpatch.pl of build/linux. It runs scripts/spdxcheck.py with
# "env python3" and says nothing when that cannot import its modules, so
# run it with Debian's python3, which has them (python3-ply, python3-git).
checkpatch() {
	/usr/bin/python3 -c 'import ply, git' ||
		die "checkpatch's SPDX check needs python3-ply and python3-git"
	PATH=/usr/bin:$PATH "$LINUX_TREE/scripts/checkpatch.pl" "$@"
}

# Format problems of a series folder ($1), one a line: a cover letter that is
# missing, still has format-patch's placeholders or no base-commit: line, and
# patches without a Signed-off-by.
series_format_problems() {
	local dir=$1 cover=$1/0000-cover-letter.patch p
	if [ ! -f "$cover" ]; then
		echo "no cover letter (${cover#"$TOP"/})"
	else
		! grep -q '\*\*\* \(SUBJECT\|BLURB\) HERE \*\*\*' "$cover" ||
			echo "cover letter still has format-patch's placeholders"
		grep -q '^base-commit: [0-9a-f]\{40\}$' "$cover" ||
			echo "cover letter has no base-commit: line"
	fi
	for p in $(series_patches "$dir"); do
		grep -q '^Signed-off-by: ' "$p" || echo "$(basename "$p"): no Signed-off-by"
	done
}
