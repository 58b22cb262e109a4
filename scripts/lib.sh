# SPDX-License-Identifier: GPL-2.0
# Shared definitions for the project's scripts. Source it; do not run it.

set -euo pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$TOP/build
LOGS=$BUILD/logs
LINUX_TREE=$BUILD/linux
SERIES_LINUX=$TOP/linux
SERIES_IGT=$TOP/igt
SERIES_COMPUTE_RUNTIME=$TOP/compute-runtime
CONFIGS=$TOP/configs

# The pinned kernel base (SPEC §1): Debian's linux-source-7.3 from
# trixie-backports, downloaded with apt-get through a private apt
# configuration (debian_download), never installed.
LINUX_SUITE=trixie-backports
LINUX_SRC_PKG=linux-source-7.3
LINUX_CONFIG_PKG=linux-config-7.3
LINUX_SRC_VERSION=7.3.4-1~bpo13+1
LINUX_SRC_DEB_SHA256=703e369ddd4cce971452f5a593ee55df3a5c10c83caf0fa0df039633ed181ee3
LINUX_SRC_TARBALL_PATH=usr/src/linux-source-7.3.tar.xz
LINUX_SRC_TARBALL_SHA256=76df1affb19f24926949369be1d74b60071c963c598ce8780bddd4bbf0fc3bc4
LINUX_KERNELVERSION=7.3.4

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
DEPS_PKGS=(build-essential bc bison flex libelf-dev libssl-dev ccache dpkg-dev
	python3 git rsync cpio kmod xz-utils
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

# A private apt configuration under build/apt for another suite ($1), of
# binary packages or, with $2 = deb-src, of source packages: its one source
# line reuses the Debian mirror this machine's apt is configured with, so
# no mirror host is written into the repository. Prints the apt-get options
# that select it.
APT_DIR=$BUILD/apt
debian_mirror() {
	local f
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822: the URIs of the first stanza that is not the security archive
		awk 'BEGIN { RS = ""; FS = "\n" }
			/(^|\n)Types:[^\n]*deb([ \t]|\n|$)/ && !/debian-security/ {
				for (i = 1; i <= NF; i++)
					if ($i ~ /^URIs:/) { split($i, u, " "); print u[2]; exit }
			}' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		awk '$1 == "deb" && $0 !~ /debian-security/ {
			for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' "$f"
	done
}

apt_private() {
	local suite=$1 type=${2:-deb} dir=$APT_DIR/$1${2:+-$2} mirror
	mkdir -p "$dir/lists/partial" "$dir/cache/archives/partial"
	if [ ! -s "$dir/sources.list" ]; then
		mirror=$(debian_mirror | head -n 1)
		[ -n "$mirror" ] ||
			die "no Debian mirror configured in /etc/apt/sources.list{,.d/}: cannot fetch from $suite"
		echo "$type [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" \
			>"$dir/sources.list"
	fi
	echo "-o Dir::Etc::sourcelist=$dir/sources.list -o Dir::Etc::sourceparts=-" \
		"-o Dir::State::Lists=$dir/lists -o Dir::Cache=$dir/cache" \
		"-o APT::Get::List-Cleanup=0 -o Debug::NoLocking=1"
}

# Download package $2 at version $3 from suite $1 into build/apt/dl (kept
# there: a second call is free). Prints the .deb's path.
debian_download() {
	local suite=$1 pkg=$2 version=$3 dl=$APT_DIR/dl opts deb
	mkdir -p "$dl"
	deb=$(ls "$dl/${pkg}_${version}_"*.deb 2>/dev/null | head -n 1 || true)
	if [ -z "$deb" ]; then
		opts=$(apt_private "$suite")
		# shellcheck disable=SC2086
		apt-get $opts -qq update >&2 ||
			die "apt-get update of $suite failed (sources: $APT_DIR/$suite/sources.list)"
		# shellcheck disable=SC2086
		apt-cache $opts show "$pkg=$version" >/dev/null 2>&1 ||
			die "$suite no longer serves $pkg $version (it has: $(apt-cache $opts madison "$pkg" 2>/dev/null | awk -F'|' '{ printf "%s", $2 }' | xargs))"
		# shellcheck disable=SC2086
		(cd "$dl" && apt-get $opts -qq download "$pkg=$version") >&2 ||
			die "apt-get download $pkg=$version from $suite failed (disk full? $(df -h --output=avail "$dl" | tail -n 1 | xargs) free)"
		deb=$(ls "$dl/${pkg}_${version}_"*.deb | head -n 1)
	fi
	echo "$deb"
}

# sparse: Debian 12's 0.6.4 cannot parse __typeof_unqual__, which the
# kernel's headers use (its scripts/checker-valid.sh then turns C=2 off).
# Debian sid packages a newer snapshot that can: build it once from sid's
# source package (a few seconds) into build/tools/sparse. apt checks the
# source files' hashes against sid's signed index.
SPARSE=$BUILD/tools/sparse/sparse
ensure_sparse() {
	local opts src=$BUILD/tools/sparse-src dsc
	if [ ! -x "$SPARSE" ]; then
		opts=$(apt_private sid deb-src)
		rm -rf "$src" "$BUILD/tools/sparse"
		mkdir -p "$src"
		# shellcheck disable=SC2086
		apt-get $opts -qq update >&2 && (cd "$src" && apt-get $opts -qq source --download-only sparse) >&2 ||
			die "could not download sparse's source package from sid"
		dsc=$(ls "$src"/sparse_*.dsc)
		dpkg-source --no-check -x "$dsc" "$BUILD/tools/sparse" >/dev/null ||
			die "could not unpack $dsc"
		make -s -C "$BUILD/tools/sparse" -j"$JOBS" CC=gcc sparse >/dev/null || die "sparse does not build"
	fi
	[ "$(sh "$LINUX_TREE/scripts/checker-valid.sh" "$SPARSE" -m64)" = 1 ] ||
		die "$SPARSE cannot check this kernel (scripts/checker-valid.sh)"
	export SPARSE
}

# Fail unless file $1 has SHA-256 $2.
check_sha256() {
	local have
	have=$(sha256sum "$1" | cut -d' ' -f1)
	[ "$have" = "$2" ] ||
		die "${1#"$TOP"/}: SHA-256 is $have, expected $2 (corrupt or changed download: delete it and retry; if it persists the archive changed the package)"
}

# Fail unless the file system of $1 has $2 GiB free.
need_space() {
	local avail
	avail=$(df -k --output=avail "$1" | tail -n 1)
	[ "$avail" -ge $(($2 * 1024 * 1024)) ] ||
		die "only $((avail / 1024 / 1024)) GiB free under $1, need $2 GiB"
}

# The pinned kernel tarball, checked: downloads linux-source-7.3 (cached),
# checks both checksums, extracts the tarball once. Prints its path.
linux_tarball() {
	local deb tarball=$APT_DIR/dl/$(basename "$LINUX_SRC_TARBALL_PATH")
	if [ ! -f "$tarball" ]; then
		need_space "$BUILD" 2
		deb=$(debian_download "$LINUX_SUITE" "$LINUX_SRC_PKG" "$LINUX_SRC_VERSION")
		check_sha256 "$deb" "$LINUX_SRC_DEB_SHA256"
		dpkg-deb --fsys-tarfile "$deb" | tar -xO "./$LINUX_SRC_TARBALL_PATH" >"$tarball.tmp" ||
			die "$deb has no $LINUX_SRC_TARBALL_PATH"
		mv "$tarball.tmp" "$tarball"
	fi
	check_sha256 "$tarball" "$LINUX_SRC_TARBALL_SHA256"
	echo "$tarball"
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
# CROSS_COMPILE=, LLVM=-19) selects another architecture or toolchain.
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
# $DEFCONFIG (default: defconfig) with the fragment $2 merged on top
# (redone when the fragment changes, refreshed with olddefconfig for every
# checkout: a patch may change Kconfig); fails if an option of the fragment
# did not stick.
config_make() {
	local out=$1 frag=$2 o
	shift 2
	# Callers run this in an || list, where set -e does not apply: each
	# step checks its own failure (a failed configuration must not be
	# remembered as done).
	if ! cmp -s "$frag" "$out/.fragment"; then
		rm -f "$out/.fragment"
		kmake "$X86_WT" "$out" "${DEFCONFIG:-defconfig}" >/dev/null || return
		"$X86_WT/scripts/kconfig/merge_config.sh" -m -O "$out" \
			"$out/.config" "$frag" >/dev/null || return
		cp "$frag" "$out/.fragment"
	fi
	kmake "$X86_WT" "$out" olddefconfig || return
	fragment_stuck "$out/.config" "$frag" || return
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
# it) or on (OPTION=y); written to $1/fragment.config (untouched if
# unchanged), path printed.
variant_fragment() {
	local out=$1 frag=$1/fragment.config c o d
	shift
	mkdir -p "$out"
	cp "$CONFIGS/x86_64.config" "$frag.new"
	for c in "$@"; do
		o=${c%%=*}
		if [ "${c#*=}" = y ]; then
			sed -i "/^# CONFIG_$o is not set$/d" "$frag.new"
			echo "CONFIG_$o=y" >>"$frag.new"
			continue
		fi
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

# What the series touches outside xe's headers, as x86_64 build targets:
# the build stage builds them at every patch, deb.sh --series-objects once.
SERIES_OBJECTS=(drivers/gpu/drm/xe/ kernel/watch_queue.o fs/pipe.o)

# What no KUnit run's kernel log may contain: a lockdep, RCU, KASAN or
# UBSAN report, or a BUG.
KUNIT_SPLATS='BUG:|possible (recursive|circular) locking|inconsistent lock state|suspicious RCU usage|KASAN:|UBSAN:'

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

# Stages that collect problems before they fail: fail MESSAGE prints one
# and counts it in $bad; check_series_format DIR does that for each of
# series_format_problems' findings.
bad=0
fail() {
	echo "FAIL: $*"
	bad=$((bad + 1))
}
check_series_format() {
	local problem
	while read -r problem; do
		fail "$problem"
	done < <(series_format_problems "$1")
}

# Check that every uapi definition the patches ($@) add is the kernel
# series' own: headers_install of build/linux's HEAD, then uapi_compare.py.
uapi_matches_kernel() {
	x86_checkout
	x86_make headers >/dev/null
	python3 "$TOP/scripts/uapi_compare.py" "$X86_OUT/usr/include" "$@"
}

# Format problems of a series folder ($1), one a line: a cover letter that is
# missing, still has format-patch's placeholders or no base-commit: line,
# patches without a Signed-off-by, and for a userspace series, references
# to kernel patches that do not match the kernel series' length.
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
	[ "$dir" = "$SERIES_LINUX" ] || kernel_refs_problems "$dir"
}

# For a userspace series (folder $1): every "N/NN" (two-digit total) in its
# cover letter and commit messages names a patch of the kernel series, so
# NN must be the kernel series' patch count. Prints one line per mismatch.
kernel_refs_problems() {
	local total p
	total=$(series_patches "$SERIES_LINUX" | grep -c .)
	for p in "$1"/*.patch; do
		awk '/^---$/ { exit } { print }' "$p" |
			grep -o -E '(^|[^0-9/.])[0-9]{1,2}/[0-9]{2}([^0-9/]|$)' |
			grep -o -E '[0-9]+/[0-9]+' |
			sed "/\/$total\$/d; s|^|$(basename "$p"): names kernel patch |; s|\$| (the kernel series has $total)|" ||
			true # no N/NN at all
	done
}
