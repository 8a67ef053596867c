/**
 * Cycles of the latent dynamics (docs/model.md §7): follow each state's dominant off-diagonal transition, find
 * the cycles of that successor map, and weigh each by the net probability current along it.
 */
package org.nelc.analysis.cycles;
