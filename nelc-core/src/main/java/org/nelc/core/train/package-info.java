/** Training: configuration, the paper's initialization and schedule, and the training loop. */
package org.nelc.core.train;
