#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# kernel-doc -Werror on the whole xe driver (clean on the base) and on
# every other C source or header the series adds or changes (uapi headers,
# kernel/watch_queue.c, ...).
. "$(dirname "$0")/../lib.sh"

cd "$LINUX_TREE"
files=$( (git ls-files 'drivers/gpu/drm/xe/*.[ch]'
	git diff --name-only --diff-filter=AM base HEAD -- '*.c' '*.h') | sort -u)
# shellcheck disable=SC2086
scripts/kernel-doc -Werror -none $files
echo "kernel-doc clean: $(echo "$files" | grep -c .) files (xe and the series' other C files)"
