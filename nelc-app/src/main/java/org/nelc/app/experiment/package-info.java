/**
 * Ensembles of training runs: the paper's 36-model experiment ({@code nelc reproduce}) and its variants.
 * A plan ({@link org.nelc.app.experiment.EnsemblePlan}) fixes the settings and the seeds; the runner
 * ({@link org.nelc.app.experiment.EnsembleRunner}) trains and evaluates one model per thread into
 * {@code DIR/models/seed-XX/} (layout in {@link org.nelc.app.experiment.EnsembleLayout}), every file
 * written atomically, so a killed run loses only the models in flight and {@code --resume} picks up the
 * rest. Each model's result is summarized as one {@link org.nelc.app.experiment.ModelSummary} row.
 */
package org.nelc.app.experiment;
