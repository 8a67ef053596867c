/** The nelc core: the model, its kernels, the chain, the gradient, training and model files. */
package org.nelc.core;
