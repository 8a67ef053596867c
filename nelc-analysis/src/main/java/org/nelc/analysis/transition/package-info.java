/**
 * Estimators of the latent transition matrix {@code M_{z'z} = Σ_x A_{z'x} Ā_{xz}} (Eq. 3; docs/model.md §7)
 * behind {@link org.nelc.analysis.transition.TransitionEstimator}: {@code count} (transitions counted
 * on a long trajectory, the paper's) and {@code rao-blackwell} (exact {@code Ā} probabilities averaged
 * over {@code x ~ A(z')}), with the stationary vector of an estimated matrix and the per-model tables
 * (fields, logits) they share with the other analysis packages.
 */
package org.nelc.analysis.transition;
