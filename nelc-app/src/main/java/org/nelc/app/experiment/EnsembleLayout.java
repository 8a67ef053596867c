package org.nelc.app.experiment;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where an ensemble's files live, under its directory {@code DIR}:
 * <pre>
 *   DIR/plan.json                       settings, seeds, evaluation options, data provenance
 *   DIR/models/seed-XX/model.json       the trained model (ModelIO, schema nelc-model)
 *   DIR/models/seed-XX/history.csv      per epoch: on-the-fly LL and the cheap count-based σ
 *   DIR/models/seed-XX/evaluation.json  the precise evaluation (written last: its presence marks the model complete)
 *   DIR/summary.csv, DIR/summary.json   one row per model
 *   DIR/fig2.png, fig3-best.png, fig3-worst.png, fig4.png
 *   DIR/report.html                     self-contained (figures embedded)
 * </pre>
 * With {@code --variants}, each variant is such an ensemble under {@code DIR/variants/<name>/}, and
 * {@code DIR} holds the comparison ({@code variants.png}) and the combined report.
 */
public record EnsembleLayout(Path dir) {
    public static final String MODEL_FILE = "model.json";
    public static final String HISTORY_FILE = "history.csv";
    public static final String EVALUATION_FILE = "evaluation.json";

    public Path modelsDir() {
        return dir.resolve("models");
    }

    /** {@code DIR/models/seed-XX} (two digits at least). */
    public Path modelDir(long seed) {
        return modelsDir().resolve(String.format(Locale.ROOT, "seed-%02d", seed));
    }

    public Path modelFile(long seed) {
        return modelDir(seed).resolve(MODEL_FILE);
    }

    public Path historyFile(long seed) {
        return modelDir(seed).resolve(HISTORY_FILE);
    }

    public Path evaluationFile(long seed) {
        return modelDir(seed).resolve(EVALUATION_FILE);
    }

    public Path planFile() {
        return dir.resolve("plan.json");
    }

    public Path summaryCsv() {
        return dir.resolve("summary.csv");
    }

    public Path summaryJson() {
        return dir.resolve("summary.json");
    }

    public Path report() {
        return dir.resolve("report.html");
    }

    public Path figure(String name) {
        return dir.resolve(name);
    }

    /** The optional comparison with the baselines ({@code nelc compare}), rendered when present. */
    public Path compareJson() {
        return dir.resolve("compare.json");
    }

    public EnsembleLayout variant(String name) {
        return new EnsembleLayout(dir.resolve("variants").resolve(name));
    }
}
