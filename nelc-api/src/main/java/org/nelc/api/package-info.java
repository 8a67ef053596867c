/**
 * The service-provider interfaces of nelc and the small value types they exchange. Implementations
 * are listed in {@code META-INF/services/<interface>} and found with {@link java.util.ServiceLoader};
 * nothing in this module depends on a concrete implementation.
 */
package org.nelc.api;
