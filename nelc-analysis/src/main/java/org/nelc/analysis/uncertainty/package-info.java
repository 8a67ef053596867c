/**
 * Standard errors of evaluation numbers (issue 10, docs/uncertainty.md): the delete-one jackknife
 * ({@link org.nelc.analysis.uncertainty.Jackknife}) over independent parts of what an estimate is built
 * from — contiguous batches of the chain's trajectory ({@link org.nelc.analysis.uncertainty.TrajectoryBatches},
 * batch means) or groups of independent draws.
 */
package org.nelc.analysis.uncertainty;
