/**
 * What nelc keeps on disk between commands to start faster: the selected, binarized rows of a data file
 * ({@link org.nelc.data.cache.RowCache}), keyed by the file's {@link org.nelc.data.cache.FileStamp}.
 */
package org.nelc.data.cache;
