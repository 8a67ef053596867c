/**
 * Diagnostics for latent spaces too large for dense transition matrices (bits with {@code 2^L} states
 * beyond {@link org.nelc.analysis.transition.TransitionEstimator#MAX_STATES}): everything that needs
 * only the visited states — precise log-likelihood, transition counts in a hash map, σ from counts,
 * class KL.
 */
package org.nelc.analysis.sparse;
