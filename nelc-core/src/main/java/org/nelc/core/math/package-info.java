/** Numerics shared by the kernels and estimators: log-space scalar functions. */
package org.nelc.core.math;
