/** The latent encodings shipped with nelc: one-hot (sigmoid-ratio, softmax) and bits. */
package org.nelc.core.latent;
