/**
 * The z→x kernels shipped with nelc ({@code bernoulli}, the paper's, and {@code tempered}) and the
 * per-step z→x tables ({@link org.nelc.core.kernel.VisibleTables}) the chain and the estimator share.
 */
package org.nelc.core.kernel;
