/**
 * Opening data files ({@link org.nelc.data.io.InputFiles}): existence checks with user-facing messages,
 * gzip sniffing, cheap peeks. Files are written through {@link org.nelc.api.io.AtomicFiles}, so a crash
 * never leaves a half-written dataset or a half-downloaded tarball under its final name.
 */
package org.nelc.data.io;
