/** The two Markov kernels: z→x ({@link org.nelc.api.kernel.VisibleKernel}) and x→z ({@link org.nelc.api.kernel.LatentKernel}). */
package org.nelc.api.kernel;
