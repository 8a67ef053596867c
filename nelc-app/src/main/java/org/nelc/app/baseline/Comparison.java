package org.nelc.app.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The outcome of {@code nelc compare}: every run's row (roles and gaps filled in), and what the runs
 * were.
 *
 * @param rows NEQ runs, then RBM runs (PCD, exact gradient), then EM restarts, each group in seed order
 * @param settings the comparison's settings, for the JSON
 * @param notes remarks printed under the table (what was skipped, how to read it)
 */
public record Comparison(List<ComparisonRow> rows, Map<String, Object> settings, List<String> notes) {
    /** The models in the order they are shown. */
    public static final List<String> MODELS = List.of("neq", "rbm-pcd", "rbm-exact", "em");

    /**
     * Marks best / median / worst within each model (by log-likelihood; the median is the run at rank
     * ⌊(n−1)/2⌋ from the top, an actual run) and sets every gap to the best EM restart's log-likelihood
     * (NaN without EM).
     */
    public static List<ComparisonRow> rank(List<ComparisonRow> rows) {
        double em = Double.NaN;
        for (ComparisonRow r : rows) {
            if (r.model().equals("em") && !(r.logLikelihood() <= em)) {
                em = r.logLikelihood();
            }
        }
        List<ComparisonRow> out = new ArrayList<>();
        for (String model : MODELS) {
            List<ComparisonRow> group = new ArrayList<>();
            for (ComparisonRow r : rows) {
                if (r.model().equals(model)) {
                    group.add(r);
                }
            }
            List<ComparisonRow> sorted = new ArrayList<>(group);
            sorted.sort(Comparator.comparingDouble(ComparisonRow::logLikelihood).reversed());
            for (ComparisonRow r : group) {
                int rank = sorted.indexOf(r);
                String role = rank == 0 ? "best"
                        : rank == sorted.size() - 1 ? "worst"
                        : rank == (sorted.size() - 1) / 2 ? "median" : "";
                out.add(r.withRole(model.equals("em") && rank > 0 ? "" : role).withGap(em));
            }
        }
        return out;
    }

    /** The row of {@code model} with {@code role}, or null. */
    public ComparisonRow find(String model, String role) {
        for (ComparisonRow r : rows) {
            if (r.model().equals(model) && r.role().equals(role)) {
                return r;
            }
        }
        return null;
    }

    /** The rows of {@code model}. */
    public List<ComparisonRow> of(String model) {
        List<ComparisonRow> out = new ArrayList<>();
        for (ComparisonRow r : rows) {
            if (r.model().equals(model)) {
                out.add(r);
            }
        }
        return out;
    }
}
