/**
 * How the built-in diagnostics turn a number computed from an estimate of {@code M} into a
 * {@link org.nelc.api.diagnostic.Measurement} with its standard error and method.
 */
package org.nelc.analysis.measure;
