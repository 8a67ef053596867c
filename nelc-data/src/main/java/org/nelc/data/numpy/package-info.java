/** NumPy files: the {@code .npy} format (versions 1–3) and {@code .npz} archives, read as datasets and written for export. */
package org.nelc.data.numpy;
