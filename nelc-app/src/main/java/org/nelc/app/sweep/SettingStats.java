package org.nelc.app.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.nelc.app.experiment.ModelSummary;

/**
 * The runs of one setting (one point of the grid, all its seeds) in a few numbers: for the precise LL,
 * σ, τ and the class KL the median, the quartiles (interpolated order statistics) and the extremes over
 * the finished runs, and the fraction whose latent dynamics form one clean cycle through all states.
 *
 * @param setting the axes' values
 * @param cells the setting's cells
 * @param done finished cells
 * @param failed failed cells
 * @param cleanCycles finished cells with one clean cycle (docs/model.md §7, Rao-Blackwellized M)
 */
public record SettingStats(Map<String, String> setting, int cells, int done, int failed, int cleanCycles,
        Spread logLikelihood, Spread sigma, Spread tau, Spread classKl) {

    /** Median, quartiles and extremes; NaN when there are no finite-or-infinite values. */
    public record Spread(int n, double median, double q1, double q3, double min, double max) {
        static Spread of(double[] values) {
            double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
            if (v.length == 0) {
                return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Spread(v.length, quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v[0], v[v.length - 1]);
        }

        /** The {@code q}-quantile of sorted {@code v}, linear between order statistics. */
        static double quantile(double[] v, double q) {
            double pos = q * (v.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = (int) Math.ceil(pos);
            if (lo == hi || v[lo] == v[hi]) {
                return v[lo];
            }
            return v[lo] + (pos - lo) * (v[hi] - v[lo]);
        }
    }

    /** The fraction of finished runs with a clean cycle, NaN if none finished. */
    public double cleanFraction() {
        return done == 0 ? Double.NaN : (double) cleanCycles / done;
    }

    public static SettingStats of(Map<String, String> setting, List<CellRow> rows) {
        int done = 0;
        int failed = 0;
        int clean = 0;
        for (CellRow r : rows) {
            if (r.done()) {
                done++;
                if (r.summary().cleanCycle()) {
                    clean++;
                }
            } else if (r.state() == SweepStatus.State.FAILED) {
                failed++;
            }
        }
        return new SettingStats(setting, rows.size(), done, failed, clean, spread(rows, ModelSummary::logLikelihood),
                spread(rows, ModelSummary::sigma), spread(rows, ModelSummary::tau), spread(rows, ModelSummary::classKl));
    }

    private static Spread spread(List<CellRow> rows, ToDoubleFunction<ModelSummary> f) {
        return Spread.of(rows.stream().filter(CellRow::done).mapToDouble(r -> f.applyAsDouble(r.summary())).toArray());
    }
}
