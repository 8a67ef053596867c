/**
 * What {@code nelc em} and {@code nelc compare} write besides their tables: the mixture's components
 * as images ({@link org.nelc.app.baseline.ComponentsFigure}), the comparison's rows, files and plot
 * ({@link org.nelc.app.baseline.ComparisonRow}, {@link org.nelc.app.baseline.ComparisonFiles},
 * {@link org.nelc.app.baseline.ComparisonFigure}) and the JSON of an EM fit
 * ({@link org.nelc.app.baseline.MixtureJson}).
 */
package org.nelc.app.baseline;
