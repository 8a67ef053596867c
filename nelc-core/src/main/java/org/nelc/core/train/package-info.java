/**
 * Training (SPEC §3–5): the configuration ({@link org.nelc.core.train.TrainingConfig}, built by name
 * with the paper's defaults), the paper's initialization ({@link org.nelc.core.train.Initializer}),
 * the one training loop ({@link org.nelc.core.train.TrainingSession}: chains, minibatches, gradient
 * steps, transition bookkeeping) and {@link org.nelc.core.train.Trainer}, which runs a session on the
 * schedule and returns a {@link org.nelc.core.train.TrainedModel} with its history.
 */
package org.nelc.core.train;
