/** Log-likelihood: on the fly (in the gradient estimator) and precise (long-chain occupancy). */
package org.nelc.core.likelihood;
