package org.nelc.app.baseline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.nelc.core.likelihood.LogLikelihood;

/**
 * The learning-rate grid of {@code nelc compare}: each trained model family (NEQ, RBM-PCD, RBM-exact) is
 * trained at every grid point with every one of its seeds, and reported at its own best point, so no family
 * is judged at a step size tuned for another.
 *
 * <p><b>Rule.</b> A family's chosen point is the one with the highest <i>median</i> log-likelihood over its
 * seeds (the median run, rank ⌊(n−1)/2⌋ from the top, as in the table): the median, not the mean or the
 * best seed, so one lucky or one collapsed seed does not decide. An exact tie goes to the smaller learning
 * rate. A non-finite log-likelihood ranks below every finite one.
 *
 * <p><b>Noise.</b> Each point carries the mean over its seeds and that mean's standard error (seed-to-seed
 * s.d. / √n). When the runner-up's median is within the combined standard error
 * {@code √(se₁² + se₂²)} of the chosen one, the seeds do not resolve the choice and a note says so.
 *
 * <p><b>Selection bias.</b> The chosen point's numbers are the best of several noisy medians, so they are
 * optimistic by up to about one seed standard error; a note states it with the value. (An unbiased number
 * needs fresh seeds at the chosen point.)
 */
public final class LearningRateGrid {
    private LearningRateGrid() {
    }

    /**
     * One grid point of one family.
     *
     * @param model the family
     * @param learningRate the grid point
     * @param runs seeds trained there
     * @param median the median run's log-likelihood (nats per image), the selection statistic
     * @param mean the mean over seeds
     * @param seedStandardError the standard error of that mean (s.d. over seeds / √n; NaN for one seed)
     * @param best the best seed's log-likelihood
     * @param worst the worst seed's log-likelihood
     * @param chosen whether this is the family's chosen point
     */
    public record Point(String model, double learningRate, int runs, double median, double mean,
            double seedStandardError, double best, double worst, boolean chosen) {
        public static final String CSV_HEADER = "model,lr,runs,median_ll,mean_ll,mean_ll_se_seeds,best_ll,worst_ll,"
                + "chosen";

        public String csv() {
            return String.join(",", model, ComparisonRow.num(learningRate), Integer.toString(runs),
                    ComparisonRow.num(median), ComparisonRow.num(mean), ComparisonRow.num(seedStandardError),
                    ComparisonRow.num(best), ComparisonRow.num(worst), Boolean.toString(chosen));
        }
    }

    /** Orders log-likelihoods with NaN lowest. */
    static final Comparator<Double> LL_ORDER = Comparator.comparingDouble(v -> Double.isNaN(v)
            ? Double.NEGATIVE_INFINITY : v);

    /** The grid points of every family in {@code models} that has trained runs, by model then learning rate. */
    public static List<Point> points(List<ComparisonRow> rows, List<String> models) {
        List<Point> out = new ArrayList<>();
        for (String model : models) {
            List<Double> rates = new ArrayList<>();
            for (ComparisonRow r : rows) {
                if (r.model().equals(model) && !Double.isNaN(r.learningRate()) && !rates.contains(r.learningRate())) {
                    rates.add(r.learningRate());
                }
            }
            rates.sort(null);
            List<Point> family = new ArrayList<>();
            for (double lr : rates) {
                List<Double> ll = new ArrayList<>();
                for (ComparisonRow r : rows) {
                    if (r.model().equals(model) && r.learningRate() == lr) {
                        ll.add(r.logLikelihood());
                    }
                }
                family.add(point(model, lr, ll));
            }
            int chosen = -1;
            for (int k = 0; k < family.size(); k++) {
                // strictly better only: an exact tie keeps the smaller (earlier) learning rate
                if (chosen < 0 || LL_ORDER.compare(family.get(k).median(), family.get(chosen).median()) > 0) {
                    chosen = k;
                }
            }
            for (int k = 0; k < family.size(); k++) {
                Point p = family.get(k);
                out.add(k == chosen ? new Point(p.model(), p.learningRate(), p.runs(), p.median(), p.mean(),
                        p.seedStandardError(), p.best(), p.worst(), true) : p);
            }
        }
        return out;
    }

    private static Point point(String model, double lr, List<Double> ll) {
        List<Double> sorted = new ArrayList<>(ll);
        sorted.sort(LL_ORDER.reversed());
        int n = sorted.size();
        double[] values = new double[n];
        for (int k = 0; k < n; k++) {
            values[k] = ll.get(k);
        }
        // mean and its standard error over the seeds: the same arithmetic as over the data rows
        LogLikelihood.Summary seeds = LogLikelihood.summarize(values);
        return new Point(model, lr, n, sorted.get((n - 1) / 2), seeds.mean(), seeds.standardError(), sorted.get(0),
                sorted.get(n - 1), false);
    }

    /** The chosen learning rate of {@code model}, or NaN when it has no grid. */
    public static double chosen(List<Point> points, String model) {
        for (Point p : points) {
            if (p.model().equals(model) && p.chosen()) {
                return p.learningRate();
            }
        }
        return Double.NaN;
    }

    /** The rule, and per family whether the seeds resolve the choice and how much selection may flatter it. */
    public static List<String> notes(List<Point> points, List<String> models) {
        List<String> out = new ArrayList<>();
        boolean any = false;
        for (String model : models) {
            Point chosen = null;
            Point runnerUp = null;
            for (Point p : points) {
                if (!p.model().equals(model)) {
                    continue;
                }
                if (p.chosen()) {
                    chosen = p;
                } else if (runnerUp == null || LL_ORDER.compare(p.median(), runnerUp.median()) > 0) {
                    runnerUp = p;
                }
            }
            if (chosen == null) {
                continue;
            }
            any = true;
            String name = model.toUpperCase(Locale.ROOT);
            if (runnerUp == null) {
                out.add(String.format(Locale.ROOT, "%s: one grid point (lr %s), nothing chosen", name,
                        rate(chosen.learningRate())));
                continue;
            }
            double diff = chosen.median() - runnerUp.median();
            double se = Math.sqrt(sq(chosen.seedStandardError()) + sq(runnerUp.seedStandardError()));
            String resolved = Double.isNaN(se) ? "one seed per point: noise unknown"
                    : diff > se ? String.format(Locale.ROOT, "resolved: %.2f nats above the runner-up lr %s, combined "
                            + "seed s.e. %.2f", diff, rate(runnerUp.learningRate()), se)
                    : String.format(Locale.ROOT, "NOT resolved by these seeds: the runner-up lr %s is %.2f nats below, "
                            + "within the combined seed s.e. %.2f", rate(runnerUp.learningRate()), diff, se);
            out.add(String.format(Locale.ROOT, "%s: chosen lr %s (median %.2f over %d seeds); %s; selection among %d "
                    + "points may flatter its numbers by up to about one seed s.e. (%s nats)", name,
                    rate(chosen.learningRate()), chosen.median(), chosen.runs(), resolved, count(points, model),
                    Double.isNaN(chosen.seedStandardError()) ? "unknown"
                            : String.format(Locale.ROOT, "%.2f", chosen.seedStandardError())));
        }
        if (any) {
            out.add(0, "grid: each trained family is shown at its own chosen learning rate, the grid point with the "
                    + "highest median LL over its seeds (exact ties: the smaller rate); the whole grid is in grid.csv, "
                    + "compare.json and compare.png");
        }
        return out;
    }

    private static int count(List<Point> points, String model) {
        int n = 0;
        for (Point p : points) {
            if (p.model().equals(model)) {
                n++;
            }
        }
        return n;
    }

    private static double sq(double v) {
        return v * v;
    }

    /** A learning rate as written in directory names and tables: {@code 0.003}, {@code 0.1}, {@code 1}. */
    public static String rate(double lr) {
        return java.math.BigDecimal.valueOf(lr).stripTrailingZeros().toPlainString();
    }
}
