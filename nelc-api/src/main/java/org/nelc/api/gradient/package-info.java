/** Gradient approximations of the log-likelihood and the chain record they consume. */
package org.nelc.api.gradient;
