package org.nelc.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The uncertainty of a setting's numbers: the bootstrap error of the median, the runs' errors, the fraction's. */
class SettingStatsTest {
    /**
     * The bootstrap's Monte-Carlo estimate against the exact bootstrap standard error of the median. For an
     * odd number {@code n = 2m+1} of distinct sorted values, the median of a resample is at most
     * {@code x_(k)} iff at least {@code m+1} of its {@code n} draws are among the {@code k} smallest:
     * {@code P = P(Binomial(n, k/n) ≥ m+1)}, which gives the exact distribution. Tolerance 12 %: the
     * standard deviation of {@value SettingStats#RESAMPLES} resamples has a relative error of about
     * {@code 1/√(2·999) ≈ 2.2 %} for a normal law, somewhat more for this discrete one; the seed is fixed, so
     * the test is deterministic and 12 % leaves more than 4 such errors.
     */
    @Test
    void bootstrapErrorOfTheMedianMatchesTheExactBootstrap() {
        double[] v = {-151.4, -149.9, -148.6, -148.1, -147.3, -147.2, -147.0, -146.6, -146.5};
        int n = v.length;
        int m = n / 2;
        double mean = 0;
        double second = 0;
        double below = 0;
        for (int k = 1; k <= n; k++) {
            double atMost = binomialTail(n, (double) k / n, m + 1);
            double p = atMost - below;
            below = atMost;
            mean += p * v[k - 1];
            second += p * v[k - 1] * v[k - 1];
        }
        double exact = Math.sqrt(second - mean * mean);
        SettingStats.Spread s = SettingStats.Spread.of(v, new double[n]);
        assertEquals(-147.3, s.median(), 0.0);
        assertEquals(exact, s.medianStandardError(), 0.12 * exact, "exact bootstrap s.e. " + exact);
        // the same values give the same bits (fixed seed), whatever their order
        double[] shuffled = {-147.0, -151.4, -146.5, -148.1, -149.9, -147.2, -146.6, -148.6, -147.3};
        assertEquals(s.medianStandardError(), SettingStats.Spread.of(shuffled, new double[n]).medianStandardError());
    }

    private static double binomialTail(int n, double p, int atLeast) {
        double sum = 0;
        for (int j = atLeast; j <= n; j++) {
            double c = 1;
            for (int i = 0; i < j; i++) {
                c = c * (n - i) / (i + 1);
            }
            sum += c * Math.pow(p, j) * Math.pow(1 - p, n - j);
        }
        return sum;
    }

    @Test
    void runErrorsAreTheirMedianAndOneRunHasNoErrorOfTheMedian() {
        SettingStats.Spread s = SettingStats.Spread.of(new double[] {7.3, 6.9, 7.1}, new double[] {0.05, Double.NaN,
            0.07});
        assertEquals(0.06, s.runStandardError(), 1e-15, "median of the estimated run errors");
        SettingStats.Spread one = SettingStats.Spread.of(new double[] {7.3}, new double[] {0.05});
        assertTrue(Double.isNaN(one.medianStandardError()), "one run says nothing about the spread over seeds");
        assertEquals("7.300 ± ? [7.300, 7.300] (runs ± 0.050)", one.text("%.3f"));
        assertEquals("0.00094", SettingStats.error(0.000941));
        SettingStats.Spread infinite = SettingStats.Spread.of(new double[] {1, Double.POSITIVE_INFINITY, 2},
                new double[3]);
        assertTrue(Double.isNaN(infinite.medianStandardError()), "a third of the runs at ∞: the 84 % quantile of"
                + " the resampled medians is ∞ (P(≥ 2 of 3 draws ∞) = 7/27 > 16 %)");
    }

    /**
     * Three runs of twelve at ∞ (a class KL with a class left without a state): the median's bootstrap
     * distribution has an infinite tail (P(≥ 6 of 12 draws ∞) ≈ 5 %), so no standard deviation, but a finite
     * central 68 %, half of whose width is the error. Oracle: the same interval from 200 000 resamples by an
     * independent generator (java.util.Random); tolerance 15 %, as the code's 1 000 resamples put about
     * ±10 % on the width of a 68 % interval.
     */
    @Test
    void aFewInfiniteRunsStillGiveAnErrorFromTheCentralInterval() {
        double inf = Double.POSITIVE_INFINITY;
        double[] v = {0.72, 0.99, 1.14, 1.16, 1.26, 1.33, 1.47, 1.79, 1.91, inf, inf, inf};
        SettingStats.Spread s = SettingStats.Spread.of(v, new double[12]);
        // reference: 200 000 resamples with an independent generator, the same quantile rule
        Random random = new Random(42);
        int reps = 200_000;
        double[] medians = new double[reps];
        double[] r = new double[12];
        for (int b = 0; b < reps; b++) {
            for (int i = 0; i < 12; i++) {
                r[i] = v[random.nextInt(12)];
            }
            Arrays.sort(r);
            medians[b] = SettingStats.Spread.quantile(r, 0.5);
        }
        Arrays.sort(medians);
        double want = (SettingStats.Spread.quantile(medians, 0.84) - SettingStats.Spread.quantile(medians, 0.16)) / 2;
        assertTrue(Double.isFinite(want) && want > 0, "reference " + want);
        assertEquals(want, s.medianStandardError(), 0.15 * want, "central-68 % error, reference " + want);
        assertTrue(Double.isFinite(s.median()), "the median itself is finite: " + s.median());
    }

    @Test
    void textShowsTheMedianWithItsErrorThenQuartilesAndRunErrors() {
        SettingStats.Spread s = SettingStats.Spread.of(new double[] {1, 2, 3, 4, 5}, new double[] {0.1, 0.1, 0.2,
            0.2, 0.3});
        String t = s.text("%.2f");
        assertTrue(t.matches("3\\.00 ± \\d\\.\\d+ \\[2\\.00, 4\\.00\\] \\(runs ± 0\\.20\\)"), t);
        assertTrue(s.medianStandardError() > 0.3 && s.medianStandardError() < 1.5, t);
    }

    /** Agresti–Coull: p̃ = (k+2)/(n+4), s.e. = √(p̃(1−p̃)/(n+4)); not 0 when all or none of the runs cycle. */
    @Test
    void fractionErrorIsAgrestiCoull() {
        assertEquals(Math.sqrt(0.25 * 0.75 / 8), SettingStats.fractionError(0, 4), 1e-15);
        assertEquals(Math.sqrt(0.75 * 0.25 / 8), SettingStats.fractionError(4, 4), 1e-15);
        assertEquals(Math.sqrt(0.5 * 0.5 / 40), SettingStats.fractionError(18, 36), 1e-15);
        assertTrue(Double.isNaN(SettingStats.fractionError(0, 0)));
    }

    @Test
    void aHeatmapCellShowsTheValueOverItsError() {
        Heatmap.Cells cells = new Heatmap.Cells(null, null, v -> String.format("%.3f", v), SettingStats::error);
        assertEquals(List.of("7.123", "± 0.21"), Heatmap.cellText(7.1234, 0.21, cells));
        assertEquals(List.of("7.123", "± ?"), Heatmap.cellText(7.1234, Double.NaN, cells));
        assertEquals(List.of("-"), Heatmap.cellText(Double.NaN, 0.2, cells));
    }
}
