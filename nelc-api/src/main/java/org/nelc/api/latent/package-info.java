/** Latent encodings (one-hot, bits): how z is represented and Ā normalized. */
package org.nelc.api.latent;
