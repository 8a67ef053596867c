/**
 * Gradient estimators shipped with nelc: the paper's two-step approximation ({@code two-step},
 * {@link org.nelc.core.gradient.TwoStepEstimator}, Eqs. 16a–16d; SPEC §4), and the gradients of the
 * equilibrium RBM (SPEC §8) — data term minus model term, by persistent contrastive divergence
 * ({@code rbm-pcd}, {@link org.nelc.core.gradient.RbmPcdEstimator}) or by exact enumeration of the
 * latent states ({@code rbm-exact}, {@link org.nelc.core.gradient.RbmExactEstimator}), sharing
 * {@link org.nelc.core.gradient.RbmTerms}. {@link org.nelc.core.gradient.TableAwareEstimator} is the
 * fast path on which an estimator shares the step's z→x tables with the chain.
 */
package org.nelc.core.gradient;
