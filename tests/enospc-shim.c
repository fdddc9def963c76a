/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * LD_PRELOAD shim for the disk-full tests: counts the writes and fsyncs a
 * process makes to regular files, and makes the Nth of them fail with
 * ENOSPC (RENAKSI_SHIM_FAIL_AT=N; every later one fails too, as on a full
 * disk). RENAKSI_SHIM_COUNT=FILE receives the count at exit, so a test
 * can try every N from the first to the last. No mount, no root needed.
 */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static long count;
static long fail_at = -1;

__attribute__((constructor)) static void
shim_init (void)
{
  const char *at = getenv ("RENAKSI_SHIM_FAIL_AT");

  if (at != NULL && *at != '\0')
    fail_at = atol (at);
}

__attribute__((destructor)) static void
shim_fini (void)
{
  const char *path = getenv ("RENAKSI_SHIM_COUNT");
  FILE *file;

  if (path == NULL || (file = fopen (path, "w")) == NULL)
    return;
  fprintf (file, "%ld\n", count);
  fclose (file);
}

/* Whether this call on @fd should fail. */
static int
shim_fails (int fd)
{
  struct stat st;

  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    return 0;
  count++;
  return fail_at > 0 && count >= fail_at;
}

#define NEXT(name) ((__typeof__ (&name)) dlsym (RTLD_NEXT, #name))

ssize_t
write (int fd, const void *buf, size_t n)
{
  if (shim_fails (fd))
    return errno = ENOSPC, -1;
  return NEXT (write) (fd, buf, n);
}

ssize_t
pwrite (int fd, const void *buf, size_t n, off_t offset)
{
  if (shim_fails (fd))
    return errno = ENOSPC, -1;
  return NEXT (pwrite) (fd, buf, n, offset);
}

ssize_t
pwrite64 (int fd, const void *buf, size_t n, off64_t offset)
{
  if (shim_fails (fd))
    return errno = ENOSPC, -1;
  return NEXT (pwrite64) (fd, buf, n, offset);
}

ssize_t
writev (int fd, const struct iovec *iov, int n)
{
  if (shim_fails (fd))
    return errno = ENOSPC, -1;
  return NEXT (writev) (fd, iov, n);
}

int
fsync (int fd)
{
  if (shim_fails (fd))
    return errno = ENOSPC, -1;
  return NEXT (fsync) (fd);
}

int
fdatasync (int fd)
{
  if (shim_fails (fd))
    return errno = ENOSPC, -1;
  return NEXT (fdatasync) (fd);
}

int
ftruncate (int fd, off_t length)
{
  if (shim_fails (fd))
    return errno = ENOSPC, -1;
  return NEXT (ftruncate) (fd, length);
}
