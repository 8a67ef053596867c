package org.nelc.app.sweep;

import org.nelc.app.experiment.ModelSummary;

/**
 * One cell in {@code summary.csv}/{@code summary.json}: where it is in the grid, its state, and for a
 * finished cell the {@link ModelSummary} of {@code nelc reproduce} (the same columns, so sweeps and
 * ensembles read alike) and the SHA-256 of its parameters' bits.
 *
 * @param cell the planned cell
 * @param state its state
 * @param message why it failed, or empty
 * @param summary the finished model's summary, or null
 * @param parametersSha256 SHA-256 over the raw IEEE-754 bits (big-endian) of {@code w, a, w̄, ā} in that
 *     order: equal iff two runs ended with bit-identical parameters; null when not finished
 */
public record CellRow(Manifest.Cell cell, SweepStatus.State state, String message, ModelSummary summary,
        String parametersSha256) {
    public boolean done() {
        return state == SweepStatus.State.DONE && summary != null;
    }
}
