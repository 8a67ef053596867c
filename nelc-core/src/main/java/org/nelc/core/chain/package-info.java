/** The persistent Markov chain(s) of docs/model.md §3 and transition counting on their latent trajectories. */
package org.nelc.core.chain;
