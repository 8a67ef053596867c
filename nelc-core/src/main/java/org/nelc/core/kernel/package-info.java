/** The z→x kernels shipped with nelc. */
package org.nelc.core.kernel;
