#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# CONFIG_UAPI_HEADER_TEST at the head of the series: every exported uapi
# header (the series' new ones included) installs and compiles on its own
# with the host compiler and libc. Then the event headers next to the C
# library's <fcntl.h> (SPEC §2): both orders, as C and as C++, -Werror.
. "$(dirname "$0")/../lib.sh"

x86_checkout
x86_make usr/
n=$(find "$X86_OUT/usr/include" -name '*.hdrtest' | wc -l)
[ "$n" -gt 0 ] || { echo "no header was test-compiled"; exit 1; }

for lang in c c++; do
	for order in 'fcntl.h linux/watch_queue.h drm/xe_drm_events.h' \
		'drm/xe_drm_events.h linux/watch_queue.h fcntl.h'; do
		{
			printf '#include <%s>\n' $order
			echo 'int main(void) { return O_NOTIFICATION_PIPE + WATCH_TYPE_DRM_XE_NOTIFY +'
			echo '	(int)sizeof(struct drm_xe_watch_notification_vm_err); }'
		} | gcc -x "$lang" -Wall -Wextra -Werror -isystem "$X86_OUT/usr/include" \
			-fsyntax-only - || die "<${order// />, <}> do not compile together as $lang"
	done
done
echo "$n uapi headers compile standalone; <fcntl.h>, <linux/watch_queue.h>, <drm/xe_drm_events.h> together in both orders as C and C++"
