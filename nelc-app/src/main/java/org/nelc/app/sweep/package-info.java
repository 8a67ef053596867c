/**
 * Sweeps ({@code nelc sweep}): grids of training runs over any training flag and many seeds, run on this
 * machine or as a Slurm job array. {@link org.nelc.app.sweep.Planner} turns the grid into a
 * {@link org.nelc.app.sweep.Manifest} of cells with stable ids; {@link org.nelc.app.sweep.SweepRunner}
 * runs cells under {@link org.nelc.app.sweep.CellLock}s, each through {@link org.nelc.app.sweep.CellRunner}
 * into its own directory ({@link org.nelc.app.sweep.CellFiles}); {@link org.nelc.app.sweep.SlurmScript}
 * writes and submits the job array; {@link org.nelc.app.sweep.Collector} and
 * {@link org.nelc.app.sweep.SweepReport} summarize. The whole protocol is in {@code docs/sweeps.md}.
 */
package org.nelc.app.sweep;
