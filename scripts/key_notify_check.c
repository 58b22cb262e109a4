// SPDX-License-Identifier: GPL-2.0
/*
 * The existing user of the watch_queue core, key notifications, seen from
 * userspace: records arrive, a filter drops what it does not select, a full
 * pipe reports a loss, an unsized pipe loses everything without a word.
 * Run by scripts/uml-init.sh in the UML kernel (make check, uml-userspace),
 * so that the core fixes of the series are shown not to change what this
 * user reads. One "key_notify: <check> ok|FAIL ..." line per check; exit
 * status 0 if all passed, 1 if one failed, 4 (KSFT_SKIP) without key
 * notifications.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/keyctl.h>
#include <linux/watch_queue.h>

static int failed;

static void check(const char *what, int ok, const char *detail)
{
	printf("key_notify: %s %s%s%s\n", what, ok ? "ok" : "FAIL",
	       detail ? ": " : "", detail ? detail : "");
	failed += !ok;
}

static long keyctl(int op, unsigned long a, unsigned long b, unsigned long c)
{
	return syscall(__NR_keyctl, op, a, b, c, 0);
}

static int new_keyring(const char *name)
{
	return syscall(__NR_add_key, "keyring", name, NULL, 0,
		       KEY_SPEC_PROCESS_KEYRING);
}

static int add_user_key(int keyring, const char *desc)
{
	return syscall(__NR_add_key, "user", desc, "x", 1, keyring);
}

/* A notification pipe, read end non-blocking; sized to @notes unless 0. */
static int notification_pipe(int fds[2], int notes)
{
	if (pipe2(fds, O_NOTIFICATION_PIPE | O_NONBLOCK))
		return -errno;
	if (notes && ioctl(fds[0], IOC_WATCH_QUEUE_SET_SIZE, notes))
		return -errno;
	return 0;
}

struct tally {
	int linked, other, loss, bad;
};

static void drain(int fd, struct tally *t)
{
	unsigned char buf[4096];
	ssize_t len, off;
	size_t n;

	memset(t, 0, sizeof(*t));
	while ((len = read(fd, buf, sizeof(buf))) > 0) {
		for (off = 0; off < len; off += n) {
			struct watch_notification wn;

			memcpy(&wn, buf + off, sizeof(wn));
			n = wn.info & WATCH_INFO_LENGTH;
			if (n < sizeof(wn) || n > (size_t)(len - off)) {
				t->bad++;
				break;
			}
			if (wn.type == WATCH_TYPE_META &&
			    wn.subtype == WATCH_META_LOSS_NOTIFICATION)
				t->loss++;
			else if (wn.type == WATCH_TYPE_KEY_NOTIFY &&
				 wn.subtype == NOTIFY_KEY_LINKED &&
				 (wn.info & WATCH_INFO_ID) >> WATCH_INFO_ID__SHIFT == 0x42)
				t->linked++;
			else
				t->other++;
		}
	}
}

/* Watch a new keyring through @fd and link @keys keys into it. */
static int watch_and_link(int fd, int keys)
{
	char desc[32];
	int ring, i;

	ring = new_keyring("key_notify_check");
	if (ring < 0 || keyctl(KEYCTL_WATCH_KEY, ring, fd, 0x42))
		return -errno;
	for (i = 0; i < keys; i++) {
		snprintf(desc, sizeof(desc), "k%d", i);
		if (add_user_key(ring, desc) < 0)
			return -errno;
	}
	return 0;
}

/*
 * One case: a pipe of @notes notes (0: never sized), @filter if not NULL,
 * @keys keys linked into a watched keyring; what arrived in @t, described
 * in @detail. Returns 0 or the -errno of the setup.
 */
static int run_case(int notes, const struct watch_notification_filter *filter,
		    int keys, struct tally *t, char *detail, size_t size)
{
	int fds[2], err;

	memset(t, 0, sizeof(*t));
	err = notification_pipe(fds, notes);
	if (err)
		goto out;
	if (filter && ioctl(fds[0], IOC_WATCH_QUEUE_SET_FILTER, filter))
		err = -errno;
	if (!err)
		err = watch_and_link(fds[0], keys);
	drain(fds[0], t);
	close(fds[0]);
	close(fds[1]);
out:
	snprintf(detail, size, "%s, %d linked, %d other, %d loss, %d bad",
		 err ? strerror(-err) : "set up", t->linked, t->other, t->loss, t->bad);
	return err;
}

int main(void)
{
	struct {
		struct watch_notification_filter f;
		struct watch_notification_type_filter t;
	} filter = {
		.f.nr_filters = 1,
		.t.type = WATCH_TYPE_KEY_NOTIFY,
		.t.subtype_filter[0] = 1U << NOTIFY_KEY_UNLINKED,
	};
	struct tally t;
	char detail[96];
	int fds[2], err;

	err = notification_pipe(fds, 16);
	check("notification-pipe", !err, err ? strerror(-err) : "created, sized to 16 notes");
	if (err)
		return 1;
	err = watch_and_link(fds[0], 3);
	if (err == -EOPNOTSUPP || err == -ENOPKG || err == -ENOSYS) {
		printf("key_notify: no key notifications in this kernel (%s)\n",
		       strerror(-err));
		return 4;
	}
	check("setup", !err, err ? strerror(-err) : NULL);
	drain(fds[0], &t);
	snprintf(detail, sizeof(detail), "%d linked, %d other, %d loss, %d bad",
		 t.linked, t.other, t.loss, t.bad);
	check("arrive", t.linked == 3 && !t.loss && !t.bad, detail);
	close(fds[0]);
	close(fds[1]);

	/* A filter that selects only UNLINKED drops the LINKED records. */
	err = run_case(16, &filter.f, 3, &t, detail, sizeof(detail));
	check("filtered", !err && !t.linked && !t.other && !t.loss, detail);

	/* More records than notes: the ones that fit, then one loss record. */
	err = run_case(1, NULL, 40, &t, detail, sizeof(detail));
	check("lost", !err && t.linked > 0 && t.linked < 40 && t.loss == 1, detail);

	/* Never sized: nothing arrives, and nothing says so. */
	err = run_case(0, NULL, 3, &t, detail, sizeof(detail));
	check("unsized", !err && !t.linked && !t.loss && !t.other, detail);

	printf("key_notify: %d failed\n", failed);
	return failed ? 1 : 0;
}
