/**
 * Run directories as a contract (docs/reliability.md, "Run directories"): every directory a command
 * writes records what made it ({@link org.nelc.app.rundir.RunManifest}), is locked while a command writes
 * it ({@link org.nelc.app.rundir.RunLock}, the sweep's {@link org.nelc.app.sweep.CellLock} on a directory),
 * refuses a writer with other settings unless {@code --force} ({@link org.nelc.app.rundir.RunDirectory}),
 * and replaces files that belong together together ({@link org.nelc.app.rundir.Staging}). An
 * {@code evaluation.json} names the model it belongs to ({@link org.nelc.app.rundir.ModelEvaluations}).
 */
package org.nelc.app.rundir;
