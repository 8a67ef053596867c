/**
 * The baselines beside the nonequilibrium model (docs/model.md §8): the exact log-likelihood of the equilibrium
 * RBM ({@link org.nelc.analysis.baseline.RbmLikelihood}) and the Bernoulli mixture fitted by EM
 * ({@link org.nelc.analysis.baseline.BernoulliMixtureEm}), the ceiling of a one-hot model's likelihood.
 */
package org.nelc.analysis.baseline;
