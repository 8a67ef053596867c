/**
 * Datasets for nelc: finding the loader for a {@code --data PATH} ({@link org.nelc.data.DataSources}),
 * the binarization rules ({@link org.nelc.data.Binarize}) and the class selection every loader shares
 * ({@link org.nelc.data.RowCollector}). The loaders themselves live in the subpackages
 * {@code mnist}, {@code idx} and {@code text}; {@code synthetic} makes small datasets from a seed.
 */
package org.nelc.data;
