#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Assemble build/linux: Debian's pinned kernel source as a deterministic base
# commit (tag 'base'), then the series in linux/ applied with git am.
#
# Idempotent: when build/linux already holds exactly the series, it does
# nothing. When it holds commits that linux/ does not (unexported work), it
# refuses unless FORCE=1, which resets the tree to base + series.
. "$(dirname "$0")/lib.sh"

ensure_deps

# Fixed identity and dates: the base commit's hash is the same on every
# machine, so the series' base-commit: footer names it.
base_env=(
	GIT_AUTHOR_NAME="Debian kernel team" GIT_AUTHOR_EMAIL="debian-kernel@lists.debian.org"
	GIT_AUTHOR_DATE="2000-01-01T00:00:00Z"
	GIT_COMMITTER_NAME="Debian kernel team" GIT_COMMITTER_EMAIL="debian-kernel@lists.debian.org"
	GIT_COMMITTER_DATE="2000-01-01T00:00:00Z"
)
gitq() { git -C "$LINUX_TREE" -c core.autocrlf=false -c core.fileMode=true "$@"; }

# Debian's top-level .gitignore ends with "/*" (ignore every top-level
# entry: Debian's packaging repository only tracks debian/). Tracked files
# are unaffected, but a file a patch adds (drivers/.../new.c) would be
# invisible to git status and git add. The base commit keeps the tarball's
# .gitignore byte for byte; in the work tree we drop that block and mark
# the file skip-worktree, so git neither shows nor commits the edit.
neutralize_debian_gitignore() {
	local gi=$LINUX_TREE/.gitignore
	grep -q '^/\*$' "$gi" || return 0
	gitq update-index --skip-worktree .gitignore
	sed -i -e '/^# Debian packaging: ignore everything at the top level/,/^!\/debian\/$/d' "$gi"
	grep -q '^/\*$' "$gi" && die "could not drop the '/*' rule from $gi"
	return 0
}

make_base() {
	local tarball
	tarball=$(linux_tarball)
	need_space "$BUILD" 4
	info "unpacking $LINUX_SRC_PKG $LINUX_SRC_VERSION into $LINUX_TREE"
	rm -rf "$LINUX_TREE"
	mkdir -p "$LINUX_TREE"
	tar -xf "$tarball" -C "$LINUX_TREE" --strip-components=1
	[ "$(make -s -C "$LINUX_TREE" kernelversion)" = "$LINUX_KERNELVERSION" ] ||
		die "the tarball is not Linux $LINUX_KERNELVERSION"
	gitq init -q -b master
	gitq config user.name "$(git -C "$TOP" config user.name || echo xe-restart)"
	gitq config user.email "$(git -C "$TOP" config user.email || echo xe-restart@localhost)"
	gitq config gc.auto 0
	# Per-patch changelogs are git notes; keep them across rebase --autosquash.
	gitq config notes.rewriteRef refs/notes/commits
	info "committing the base (every file of the tarball, ignore rules bypassed)"
	gitq add -A -f .
	env "${base_env[@]}" git -C "$LINUX_TREE" commit -q --no-verify \
		-m "Debian $LINUX_SRC_PKG $LINUX_SRC_VERSION" \
		-m "Unpacked from $LINUX_SRC_TARBALL_PATH of $LINUX_SRC_PKG (SHA-256 $LINUX_SRC_TARBALL_SHA256), unmodified."
	gitq tag base
	neutralize_debian_gitignore
}

# git am drops what stands below a patch's "---": put its "Notes:" block
# (the changelog, written there by make export) back as the commit's note.
restore_notes() {
	local notes
	notes=$(awk '
		!cut && /^---$/ { cut = 1; next }
		cut == 1 && /^Notes:$/ { cut = 2; next }
		cut == 1 && NF { exit }
		cut == 2 && /^    / { print substr($0, 5); next }
		cut == 2 && /^$/ { print; next }
		cut == 2 { exit }' "$1")
	[ -z "$notes" ] || gitq notes add -f -m "$notes" HEAD
}

apply_series() {
	local p
	for p in $(series_patches "$SERIES_LINUX"); do
		if ! gitq am -q --committer-date-is-author-date "$p" >"$LOGS/am.log" 2>&1; then
			gitq am --abort >/dev/null 2>&1 || true
			cat "$LOGS/am.log" >&2
			die "patch $(basename "$p") does not apply onto $(gitq describe --always --tags HEAD) (git am output above)"
		fi
		restore_notes "$p"
	done
}

# The base-commit: footer of the series must name the base just made.
check_base_commit() {
	local cover=$SERIES_LINUX/0000-cover-letter.patch want have
	[ -f "$cover" ] || return 0
	want=$(sed -n 's/^base-commit: //p' "$cover")
	have=$(gitq rev-parse base)
	[ -z "$want" ] || [ "$want" = "$have" ] ||
		die "base commit is $have, the series names $want: the base is not reproducible"
}

mkdir -p "$LOGS"

if [ -d "$LINUX_TREE/.git" ] && gitq rev-parse -q --verify base >/dev/null; then
	have=$(tree_ids "$LINUX_TREE")
	want=$(series_ids "$SERIES_LINUX")
	if [ "$have" = "$want" ]; then
		info "build/linux is up to date: base + $(echo "$want" | grep -c . || true) patches"
		exit 0
	fi
	unexported=$(comm -23 <(echo "$have" | sort) <(echo "$want" | sort) | grep -c . || true)
	if [ "$unexported" -gt 0 ] && [ "${FORCE:-0}" != 1 ]; then
		die "build/linux has $unexported commit(s) that linux/ does not: run 'make export' to keep them, or 'make tree FORCE=1' to reset build/linux to the series"
	fi
	gitq am --abort >/dev/null 2>&1 || true
	gitq rebase --abort >/dev/null 2>&1 || true
	gitq reset -q --hard base
	neutralize_debian_gitignore
else
	make_base
fi
check_base_commit
apply_series
info "build/linux: $(gitq describe --tags --always HEAD), $(gitq rev-list --count base..HEAD) patches on base $(gitq rev-parse --short base)"
