/** Seeded, reproducible random streams. */
package org.nelc.core.random;
