/**
 * The precise evaluation of a trained model (docs/model.md §6–7): one long chain, the precise log-likelihood,
 * both transition estimates and every diagnostic, gathered in an
 * {@link org.nelc.analysis.evaluate.Evaluation} that is written as {@code evaluation.json}.
 * {@link org.nelc.analysis.evaluate.EvaluationContext} is the {@code DiagnosticContext} that caches
 * the estimates for the diagnostics.
 */
package org.nelc.analysis.evaluate;
