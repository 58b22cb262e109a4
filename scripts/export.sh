#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# Export the commits after tag 'base' of build/linux into linux/ as git
# format-patch files. (The IGT and compute-runtime series are exported by
# hand: their base trees carry local commits that are not part of the
# series; see README.md.)
#
# The output is stable: zero commit hashes in the From lines, no git version
# signature, the cover letter dated like the last commit. The cover letter's
# subject and text are kept from the existing 0000-cover-letter.patch; its
# shortlog, diffstat and base-commit: footer are regenerated. Per-patch
# changelogs ("v2: ...") live in git notes and are written below the "---".
. "$(dirname "$0")/lib.sh"

# $1 = tree, $2 = series folder, $3 = subject prefix
export_series() {
	local tree=$1 dir=$2 prefix=$3 tmp cover
	git -C "$tree" rev-parse -q --verify base >/dev/null ||
		die "$tree has no tag 'base'"
	[ -z "$(git -C "$tree" status --porcelain --untracked-files=no)" ] ||
		die "$tree has uncommitted changes: commit them first"
	if [ "$(git -C "$tree" rev-list --count base..HEAD)" -eq 0 ]; then
		info "${tree#"$TOP"/} has no commits after 'base': nothing to export"
		return
	fi
	tmp=$(mktemp -d)
	GIT_COMMITTER_DATE=$(git -C "$tree" log -1 --format=%aI HEAD) \
		git -C "$tree" -c core.abbrev=12 format-patch -q --zero-commit --no-signature --notes \
		--base=base --cover-letter --subject-prefix="$prefix" -o "$tmp" base..HEAD
	cover=$tmp/0000-cover-letter.patch
	if [ -f "$dir/0000-cover-letter.patch" ]; then
		python3 "$TOP/scripts/cover_letter.py" "$dir/0000-cover-letter.patch" "$cover"
	fi
	mkdir -p "$dir"
	rm -f "$dir"/[0-9][0-9][0-9][0-9]-*.patch
	mv "$tmp"/*.patch "$dir"/
	rmdir "$tmp"
	info "exported $(git -C "$tree" rev-list --count base..HEAD) patches into ${dir#"$TOP"/}/"
}

[ -d "$LINUX_TREE/.git" ] || die "no build/linux: run 'make tree' first"
export_series "$LINUX_TREE" "$SERIES_LINUX" "PATCH v3"
