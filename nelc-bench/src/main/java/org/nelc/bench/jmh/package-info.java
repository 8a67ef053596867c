/** JMH microbenchmarks of the chain, the gradient, a training step and the evaluation. */
package org.nelc.bench.jmh;
