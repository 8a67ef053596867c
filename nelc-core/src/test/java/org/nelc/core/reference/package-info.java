/**
 * Verbatim copies of the chain, the two-step estimator and the likelihood as they were before the
 * performance work (commit 21f234c), kept only to prove that the optimized code gives the same bits:
 * every test in {@code BitIdentityTest} runs both on the same inputs and compares raw bits.
 */
package org.nelc.core.reference;
