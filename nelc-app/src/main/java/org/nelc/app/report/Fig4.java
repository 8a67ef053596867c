package org.nelc.app.report;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.app.experiment.ModelSummary;

/**
 * Fig. 4 for our ensemble, log-linear (σ on a log axis): (a) class KL, (b) τ, (c) {@code Tr(M)/L} with
 * the random baseline {@code 1/L}, against σ; points colored by regime, with error bars (± one standard error
 * of σ across and of the value up and down). τ goes on a log axis when its
 * largest finite value exceeds 50 × its median (a few runs locked in a cycle would flatten the rest). Infinite
 * values (τ of a
 * periodic chain, KL of a class without a state) are drawn as triangles at the top of the panel.
 */
public final class Fig4 {
    private static final int W = 600;
    private static final int H = 460;

    private Fig4() {
    }

    public static BufferedImage draw(List<ModelSummary> rows, Map<Long, Integer> regimes, String title) {
        XYChart kl = Charts.xy(W, H, "(a) class KL vs σ", "σ (nats/step)", "KL(P_D || P_e) (nats)");
        XYChart tau = Charts.xy(W, H, "(b) decorrelation time vs σ", "σ (nats/step)", "τ (double steps)");
        XYChart st = Charts.xy(W, H, "(c) mean self-transition vs σ", "σ (nats/step)", "Tr(M)/L");
        for (XYChart c : List.of(kl, tau, st)) {
            Fig2.sigmaAxis(c, rows);
        }
        st.getStyler().setLegendVisible(true);
        withInfinite(kl, rows, regimes, ModelSummary::classKl, MeasurementKey.CLASS_KL, Double.NEGATIVE_INFINITY,
                "KL = ∞");
        double[] taus = rows.stream().mapToDouble(ModelSummary::tau).filter(Double::isFinite).toArray();
        boolean logTau = taus.length > 0 && Stats.quantile(taus, 1) > 50 * Math.max(1e-9, Stats.median(taus));
        if (logTau) {
            tau.setTitle("(b) decorrelation time vs σ (log τ)");
            double[] range = Charts.positiveRange(taus);
            Charts.logY(tau, Math.max(VariantsFigure.TAU_FLOOR, range[0]), range[1]);
            withInfinite(tau, rows, regimes, r -> Math.max(VariantsFigure.TAU_FLOOR, r.tau()), MeasurementKey.TAU,
                    VariantsFigure.TAU_FLOOR, "τ = ∞");
        } else {
            withInfinite(tau, rows, regimes, ModelSummary::tau, MeasurementKey.TAU, Double.NEGATIVE_INFINITY, "τ = ∞");
        }
        Fig2.scatterByRegime(st, rows, regimes, ModelSummary::selfTransition, MeasurementKey.SELF_TRANSITION,
                Double.NEGATIVE_INFINITY);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double baseline = Double.NaN;
        for (ModelSummary r : rows) {
            double s = Math.max(Fig2.SIGMA_FLOOR, r.sigma());
            lo = Math.min(lo, s);
            hi = Math.max(hi, s);
            baseline = r.selfTransitionBaseline();
        }
        if (Double.isFinite(baseline) && Double.isFinite(lo)) {
            Charts.dashed(st, "1/L (random)", new double[] {lo, hi > lo ? hi : lo * 10}, new double[] {baseline, baseline},
                    Color.BLACK);
        }
        Canvas canvas = new Canvas(3 * W, H + 40);
        canvas.text(title, 12, 26, 18, true);
        canvas.draw(Charts.render(kl), 0, 40);
        canvas.draw(Charts.render(tau), W, 40);
        canvas.draw(Charts.render(st), 2 * W, 40);
        return canvas.done();
    }

    /** The finite values by regime, and the infinite ones as triangles just above the largest finite value. */
    private static void withInfinite(XYChart chart, List<ModelSummary> rows, Map<Long, Integer> regimes,
            Fig2.Value y, MeasurementKey yKey, double yFloor, String infiniteLabel) {
        Fig2.scatterByRegime(chart, rows, regimes, y, yKey, yFloor);
        double top = Double.NEGATIVE_INFINITY;
        double bottom = Double.POSITIVE_INFINITY;
        for (ModelSummary r : rows) {
            double v = y.of(r);
            if (Double.isFinite(v)) {
                top = Math.max(top, v);
                bottom = Math.min(bottom, v);
            }
        }
        if (!Double.isFinite(top)) {
            top = 1;
            bottom = 0;
        }
        double cap = top + 0.1 * Math.max(top - bottom, Math.abs(top) * 0.1 + 1e-9);
        List<Double> xs = new ArrayList<>();
        for (ModelSummary r : rows) {
            if (y.of(r) == Double.POSITIVE_INFINITY) {
                xs.add(Math.max(Fig2.SIGMA_FLOOR, r.sigma()));
            }
        }
        if (!xs.isEmpty()) {
            double[] ys = new double[xs.size()];
            java.util.Arrays.fill(ys, cap);
            XYSeries s = Charts.scatter(chart, infiniteLabel + " (" + xs.size() + ")", Fig2.unbox(xs), ys, Color.BLACK);
            s.setMarker(SeriesMarkers.TRIANGLE_UP);
            chart.getStyler().setLegendVisible(true);
        }
    }
}
