package org.nelc.app.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code nelc compare}: every run's row (grid selection, roles and gaps filled in), the
 * learning-rate grid, and what the runs were.
 *
 * @param rows NEQ runs, then RBM runs (PCD, exact gradient), then EM restarts; each group by learning
 *     rate, then seed
 * @param grid every trained family's grid points ({@link LearningRateGrid})
 * @param settings the comparison's settings, for the JSON
 * @param notes remarks printed under the table (what was chosen and how, what was skipped, how to read it)
 */
public record Comparison(List<ComparisonRow> rows, List<LearningRateGrid.Point> grid, Map<String, Object> settings,
        List<String> notes) {
    /** The models in the order they are shown. */
    public static final List<String> MODELS = List.of("neq", "rbm-pcd", "rbm-exact", "em");
    /** The models trained on the learning-rate grid. */
    public static final List<String> TRAINED = MODELS.subList(0, 3);

    /**
     * Marks each row selected when it is at its family's chosen grid point ({@link LearningRateGrid}; every
     * EM restart is selected), and best / median / worst among the selected runs of each model (by
     * log-likelihood; the median is the run at rank ⌊(n−1)/2⌋ from the top, an actual run; EM: best only).
     * Rows come out grouped by model in {@link #MODELS} order, otherwise in their given order.
     */
    public static List<ComparisonRow> select(List<ComparisonRow> rows, List<LearningRateGrid.Point> grid) {
        List<ComparisonRow> out = new ArrayList<>();
        for (String model : MODELS) {
            double lr = LearningRateGrid.chosen(grid, model);
            List<ComparisonRow> selected = new ArrayList<>();
            for (ComparisonRow r : rows) {
                if (r.model().equals(model) && (Double.isNaN(lr) || r.learningRate() == lr)) {
                    selected.add(r);
                }
            }
            List<ComparisonRow> sorted = new ArrayList<>(selected);
            sorted.sort((p, q) -> LearningRateGrid.LL_ORDER.compare(q.logLikelihood(), p.logLikelihood()));
            for (ComparisonRow r : rows) {
                if (!r.model().equals(model)) {
                    continue;
                }
                int rank = sorted.indexOf(r);
                String role = rank < 0 ? ""
                        : rank == 0 ? "best"
                        : rank == sorted.size() - 1 ? "worst"
                        : rank == (sorted.size() - 1) / 2 ? "median" : "";
                out.add(r.withSelection(rank >= 0, model.equals("em") && rank > 0 ? "" : role));
            }
        }
        return out;
    }

    /** The selected row of {@code model} with {@code role}, or null. */
    public ComparisonRow find(String model, String role) {
        for (ComparisonRow r : rows) {
            if (r.model().equals(model) && r.selected() && r.role().equals(role)) {
                return r;
            }
        }
        return null;
    }

    /** The rows of {@code model}, all grid points. */
    public List<ComparisonRow> of(String model) {
        List<ComparisonRow> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            if (r.model().equals(model)) {
                out.add(r);
            }
        }
        return out;
    }

    /** The rows of {@code model} at its chosen grid point. */
    public List<ComparisonRow> selected(String model) {
        List<ComparisonRow> out = new ArrayList<>();
        for (ComparisonRow r : of(model)) {
            if (r.selected()) {
                out.add(r);
            }
        }
        return out;
    }
}
