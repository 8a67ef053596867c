/**
 * Entropy production of the latent dynamics (Eq. 21) and the probability currents
 * {@code J_{z'z} − J_{zz'}} it is built from, as static functions of a matrix and {@code p̄}, and the
 * {@code entropy-production} diagnostic that applies them to both transition estimates.
 */
package org.nelc.analysis.entropy;
