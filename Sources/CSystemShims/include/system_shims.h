#ifndef DOCHOUSE_SYSTEM_SHIMS_H
#define DOCHOUSE_SYSTEM_SHIMS_H

/// Atomically exchanges two paths (Linux renameat2 with RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set otherwise (ENOSYS or EINVAL where unsupported).
int dochouse_exchange_paths(const char *first, const char *second);

/// Removes a file or a directory tree without following symlinks (nftw, depth first). Returns 0 when the
/// walk finished (entries that could not be removed are left), -1 with errno set when it could not start.
int dochouse_remove_tree(const char *path);

#endif
