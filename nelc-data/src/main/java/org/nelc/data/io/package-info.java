/**
 * File-system helpers for the data module: files are written whole or not at all
 * ({@link org.nelc.data.io.AtomicFiles}), so a crash never leaves a half-written dataset or a
 * half-downloaded tarball under its final name.
 */
package org.nelc.data.io;
