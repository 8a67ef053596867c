package org.nelc.app.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The selection rule of the learning-rate grid on hand-made rows whose answer is known. */
class LearningRateGridTest {
    private static ComparisonRow row(String model, double lr, long seed, double ll) {
        return ComparisonRow.builder().model(model).learningRate(lr).seed(seed).logLikelihood(ll, 1.0, "exact")
                .classKl(0).directory(model + "/" + lr + "/" + seed).build();
    }

    private static void add(List<ComparisonRow> rows, String model, double lr, double... ll) {
        for (int k = 0; k < ll.length; k++) {
            rows.add(row(model, lr, k + 1, ll[k]));
        }
    }

    /**
     * lr 0.1 has the better median (−148 vs −150) but the worse mean (one collapsed seed, −160): the median
     * rule picks 0.1. Its statistics are the hand-computed ones.
     */
    @Test
    void theMedianDecidesNotTheMean() {
        List<ComparisonRow> rows = new ArrayList<>();
        add(rows, "neq", 0.01, -150, -149, -151);
        add(rows, "neq", 0.1, -147, -160, -148);
        List<LearningRateGrid.Point> grid = LearningRateGrid.points(rows, Comparison.TRAINED);
        assertEquals(2, grid.size());
        assertEquals(0.1, LearningRateGrid.chosen(grid, "neq"), 0.0);
        LearningRateGrid.Point p = grid.get(1);
        assertEquals(-148, p.median(), 0.0);
        assertEquals(-455.0 / 3, p.mean(), 1e-12);
        // deviations from the mean: 14/3, −25/3, 11/3; s.d.² = (196 + 625 + 121)/9/2 = 157/3; s.e. = √(157/9)
        assertEquals(Math.sqrt(157.0 / 9), p.seedStandardError(), 1e-12);
        assertEquals(-147, p.best(), 0.0);
        assertEquals(-160, p.worst(), 0.0);
        assertFalse(grid.get(0).chosen());
        List<ComparisonRow> selected = Comparison.select(rows, grid);
        for (ComparisonRow r : selected) {
            assertEquals(r.learningRate() == 0.1, r.selected(), r.toString());
        }
        assertEquals("best", selected.get(3).role());
        assertEquals("worst", selected.get(4).role());
        assertEquals("median", selected.get(5).role());
    }

    /** Equal medians: the smaller rate. A NaN point (a diverged run) ranks below every finite one. */
    @Test
    void tiesGoToTheSmallerRateAndNaNRanksLast() {
        List<ComparisonRow> rows = new ArrayList<>();
        add(rows, "rbm-exact", 0.03, -152, -153, -150);
        add(rows, "rbm-exact", 0.003, -150, -152, -155);
        add(rows, "rbm-pcd", 0.1, Double.NaN, Double.NaN, Double.NaN);
        add(rows, "rbm-pcd", 0.01, -4000, -4100, -3900);
        List<LearningRateGrid.Point> grid = LearningRateGrid.points(rows, Comparison.TRAINED);
        assertEquals(0.003, LearningRateGrid.chosen(grid, "rbm-exact"), 0.0);
        assertEquals(0.01, LearningRateGrid.chosen(grid, "rbm-pcd"), 0.0);
        assertTrue(Double.isNaN(LearningRateGrid.chosen(grid, "neq")));
    }

    /**
     * Resolved: the medians differ by more than √(se₁² + se₂²); not resolved otherwise. Here NEQ's points
     * are 5 nats apart with s.e. ≈ 0.5 (resolved) and RBM-exact's 0.5 apart with s.e. ≈ 1.2 (not).
     */
    @Test
    void notesSayWhetherTheSeedsResolveTheChoice() {
        List<ComparisonRow> rows = new ArrayList<>();
        add(rows, "neq", 0.01, -152, -153, -151);
        add(rows, "neq", 0.1, -147, -148, -146);
        add(rows, "rbm-exact", 0.01, -152, -150, -155);
        add(rows, "rbm-exact", 0.1, -152.5, -150, -156);
        List<LearningRateGrid.Point> grid = LearningRateGrid.points(rows, Comparison.TRAINED);
        List<String> notes = LearningRateGrid.notes(grid, Comparison.TRAINED);
        assertEquals(3, notes.size(), notes.toString());
        assertTrue(notes.get(1).startsWith("NEQ: chosen lr 0.1") && notes.get(1).contains("resolved: 5.00 nats"),
                notes.get(1));
        assertTrue(notes.get(2).startsWith("RBM-EXACT: chosen lr 0.01") && notes.get(2).contains("NOT resolved"),
                notes.get(2));
    }

    @Test
    void ratesAreWrittenPlainly() {
        assertEquals("0.003", LearningRateGrid.rate(0.003));
        assertEquals("0.1", LearningRateGrid.rate(0.1));
        assertEquals("1", LearningRateGrid.rate(1.0));
        assertEquals("0.0001", LearningRateGrid.rate(1e-4));
    }
}
