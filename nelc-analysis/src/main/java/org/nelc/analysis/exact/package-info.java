/**
 * Exact references for small systems (docs/model.md §8): with {@code D ≤ 14} every visible state is enumerated,
 * which gives the exact stationary {@code p(x)} and {@code p̄(z)}, the exact {@code M}, σ, τ and
 * log-likelihood, and the exact gradient of the log-likelihood (adjoint of the stationary equation,
 * checked against central finite differences). {@link org.nelc.analysis.exact.ExactCheck} uses them to
 * measure how good the two-step gradient of Sect. III is.
 */
package org.nelc.analysis.exact;
