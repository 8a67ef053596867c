/** Diagnostics of the latent dynamics and their inputs. */
package org.nelc.api.diagnostic;
