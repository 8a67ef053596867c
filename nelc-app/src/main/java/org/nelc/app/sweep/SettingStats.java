package org.nelc.app.sweep;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.core.random.SeedTree;

/**
 * The runs of one setting (one point of the grid, all its seeds) in a few numbers: for the precise LL,
 * σ, τ and the class KL the median with its standard error, the quartiles (interpolated order
 * statistics) and the extremes over the finished runs, and the fraction whose latent dynamics form one
 * clean cycle through all states, with its standard error.
 *
 * <p><b>Uncertainty</b> (docs/sweeps.md, docs/uncertainty.md). A median over the seeds moves with the seeds
 * drawn and with each run's own estimation error. {@link Spread#medianStandardError()} is the standard
 * deviation of the median over {@value #RESAMPLES} bootstrap resamples of the setting's runs (drawn with
 * replacement from a stream of a fixed seed, so a collect gives the same bits every time): it contains both
 * parts, since each run's value already carries its own error. {@link Spread#runStandardError()}, the
 * median of the runs' own standard errors, says how much of that is estimation noise rather than seed to
 * seed variation. The clean-cycle fraction's error is the Agresti–Coull one,
 * {@code √(p̃(1−p̃)/(n+4))} with {@code p̃ = (k+2)/(n+4)}: not zero at 0 % or 100 %, where the plain
 * binomial error claims certainty from a few runs.
 *
 * @param setting the axes' values
 * @param cells the setting's cells
 * @param done finished cells
 * @param failed failed cells
 * @param cleanCycles finished cells with one clean cycle (docs/model.md §7, Rao-Blackwellized M)
 */
public record SettingStats(Map<String, String> setting, int cells, int done, int failed, int cleanCycles,
        Spread logLikelihood, Spread sigma, Spread tau, Spread classKl) {
    /** Bootstrap resamples for the median's standard error. */
    public static final int RESAMPLES = 1000;
    /** The bootstrap's fixed seed: the resamples, hence the error, are the same on every collect. */
    public static final long BOOTSTRAP_SEED = 1;
    /** How the errors are obtained, for the reports' legends. */
    public static final String METHOD = "± = standard error of the median over the setting's seeds (bootstrap, "
            + RESAMPLES + " resamples of the runs, fixed seed; half the central 68 % of the resampled medians where some are infinite; "
            + "? with fewer than 2 runs or when that interval is infinite too); runs ± = median of the runs' "
            + "own standard errors; clean cycles ± = Agresti-Coull standard error";

    /**
     * Median, quartiles and extremes; NaN when there are no finite-or-infinite values.
     *
     * @param medianStandardError the bootstrap standard error of the median; NaN with fewer than 2 values or
     *     when a resample's median is not finite
     * @param runStandardError the median of the runs' own standard errors (NaN when none is estimated)
     */
    public record Spread(int n, double median, double q1, double q3, double min, double max,
            double medianStandardError, double runStandardError) {
        /** @param errors each value's own standard error (same order), NaN where not estimated */
        static Spread of(double[] values, double[] errors) {
            double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
            double[] e = Arrays.stream(errors).filter(Double::isFinite).sorted().toArray();
            double runSe = e.length == 0 ? Double.NaN : quantile(e, 0.5);
            if (v.length == 0) {
                return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, runSe);
            }
            return new Spread(v.length, quantile(v, 0.5), quantile(v, 0.25), quantile(v, 0.75), v[0],
                    v[v.length - 1], bootstrapMedianError(v), runSe);
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

        /**
         * The standard deviation of the median of {@link #RESAMPLES} resamples (with replacement) of
         * {@code v}; NaN for fewer than 2 values. When some resamples' medians are infinite (runs with τ = ∞
         * or a class KL of ∞ among the values) the standard deviation does not exist; then half the width of
         * the central 68 % of the resampled medians (which equals the standard deviation for a normal
         * spread) is used, and NaN if that interval reaches ∞ too.
         */
        static double bootstrapMedianError(double[] v) {
            int n = v.length;
            if (n < 2) {
                return Double.NaN;
            }
            UniformRandomProvider rng = SeedTree.root(BOOTSTRAP_SEED).child("sweep-median-bootstrap").stream();
            double[] medians = new double[RESAMPLES];
            double[] r = new double[n];
            double sum = 0;
            boolean finite = true;
            for (int b = 0; b < RESAMPLES; b++) {
                for (int i = 0; i < n; i++) {
                    r[i] = v[rng.nextInt(n)];
                }
                Arrays.sort(r);
                medians[b] = quantile(r, 0.5);
                finite &= Double.isFinite(medians[b]);
                sum += medians[b];
            }
            if (!finite) {
                Arrays.sort(medians);
                double half = (quantile(medians, 0.84) - quantile(medians, 0.16)) / 2;
                return Double.isFinite(half) ? half : Double.NaN;
            }
            double mean = sum / RESAMPLES;
            double ss = 0;
            for (double m : medians) {
                ss += (m - mean) * (m - mean);
            }
            return Math.sqrt(ss / (RESAMPLES - 1));
        }

        /**
         * {@code "7.123 ± 0.21 [6.901, 7.404] (runs ± 0.050)"}: the median and quartiles with {@code format}, the
         * errors with two significant digits ({@link #error}); {@code -} without values, {@code ± ?} without a
         * median's error, no {@code runs} part without run errors.
         */
        public String text(String format) {
            if (n == 0) {
                return "-";
            }
            return num(median, format) + " ± " + error(medianStandardError) + " [" + num(q1, format) + ", "
                    + num(q3, format) + "]" + (Double.isNaN(runStandardError) ? "" : " (runs ± "
                    + error(runStandardError) + ")");
        }
    }

    /** A standard error with two significant digits ({@code 0.21}, {@code 0.00094}), {@code ?} when not estimated. */
    public static String error(double se) {
        if (Double.isNaN(se)) {
            return "?";
        }
        return Double.isInfinite(se) ? "inf" : String.format(Locale.ROOT, "%.2g", se);
    }

    /** The fraction of finished runs with a clean cycle, NaN if none finished. */
    public double cleanFraction() {
        return done == 0 ? Double.NaN : (double) cleanCycles / done;
    }

    /** The clean-cycle fraction's Agresti–Coull standard error, NaN if none finished. */
    public double cleanFractionError() {
        return fractionError(cleanCycles, done);
    }

    /** Agresti–Coull: {@code √(p̃(1−p̃)/(n+4))}, {@code p̃ = (k+2)/(n+4)}; NaN for {@code n = 0}. */
    public static double fractionError(int k, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double p = (k + 2.0) / (n + 4.0);
        return Math.sqrt(p * (1 - p) / (n + 4.0));
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
        return new SettingStats(setting, rows.size(), done, failed, clean, spread(rows, MeasurementKey.LOG_LIKELIHOOD),
                spread(rows, MeasurementKey.SIGMA), spread(rows, MeasurementKey.TAU),
                spread(rows, MeasurementKey.CLASS_KL));
    }

    /** The spread of one measurement over the finished {@code rows}, with its errors. */
    public static Spread spread(List<CellRow> rows, MeasurementKey key) {
        List<ModelSummary> done = rows.stream().filter(CellRow::done).map(CellRow::summary).toList();
        return Spread.of(done.stream().mapToDouble(s -> s.value(key)).toArray(),
                done.stream().mapToDouble(s -> s.standardError(key)).toArray());
    }

    static String num(double v, String format) {
        return Double.isInfinite(v) ? (v > 0 ? "inf" : "-inf") : String.format(Locale.ROOT, format, v);
    }
}
