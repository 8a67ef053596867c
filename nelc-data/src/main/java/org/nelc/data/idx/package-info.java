/**
 * The IDX format of the original MNIST distribution (and of Fashion-MNIST, EMNIST, …):
 * {@link org.nelc.data.idx.IdxDataSource} reads an images file (magic 2051, unsigned bytes,
 * n×rows×cols) with its labels file (magic 2049), raw or gzip-compressed.
 */
package org.nelc.data.idx;
