/**
 * Measurements outside the test suite (built with {@code -Pbench}): {@link org.nelc.bench.BitCheck}
 * (bit stability on real data), {@link org.nelc.bench.PeerComparison} (against the NumPy peer),
 * {@link org.nelc.bench.StepSections} and {@link org.nelc.bench.Scaling} (the training loop with a clock
 * per phase, {@link org.nelc.bench.StepLoop}).
 */
package org.nelc.bench;
