/** Model parameters in flat blocks, with their kernels. */
package org.nelc.core.model;
