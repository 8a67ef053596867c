/**
 * Spectral and diagonal summaries of a latent transition matrix: the eigenvalues (Commons Math, real
 * and imaginary parts: {@code M} is not symmetric), the decorrelation time of Eq. 23 and the mean
 * self-transition of Eq. 24, with their two diagnostics.
 */
package org.nelc.analysis.spectrum;
