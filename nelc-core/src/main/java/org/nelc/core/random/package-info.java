/**
 * Seeded, reproducible random streams: the tree of streams ({@link org.nelc.core.random.SeedTree}) and
 * the names of its branches ({@link org.nelc.core.random.SeedStreams}).
 */
package org.nelc.core.random;
