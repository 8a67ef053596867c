package org.nelc.app.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.rng.UniformRandomProvider;
import org.nelc.analysis.evaluate.MeasurementKey;
import org.nelc.app.experiment.ModelSummary;
import org.nelc.core.random.SeedTree;

/**
 * Whether each claim's verdict survives the uncertainty of the numbers it rests on: the claims are
 * checked again on {@value #DRAWS} redraws of the ensemble, in each of which every model's LL, σ, τ,
 * {@code Tr(M)/L} (both estimates) and class KL is drawn from its estimated distribution — normal with
 * the measured value and standard error for the LL; for the positive quantities log-normal with that
 * mean and standard deviation ({@code ln v' ~ N(ln v − s²/2, s²)}, {@code s² = ln(1 + (se/v)²)}), which
 * keeps them positive as {@code ln σ} in the regimes needs. A number without a finite standard error is
 * held fixed (and counted); the cycles and class assignments are held fixed. The draws come from a fixed
 * seed ({@value #SEED}), so the assessment is the same bits on every run. A verdict is "within noise"
 * when more than {@link #NOISE_FRACTION} of the redraws give another verdict.
 */
public final class ClaimRobustness {
    public static final int DRAWS = 200;
    public static final long SEED = 20_250_410L;
    /** A verdict that changes in more than this fraction of the redraws is shown "within noise". */
    public static final double NOISE_FRACTION = 0.1;
    /** The numbers redrawn; the LL is normal, the others log-normal. */
    static final List<MeasurementKey> REDRAWN = List.of(MeasurementKey.LOG_LIKELIHOOD, MeasurementKey.SIGMA,
            MeasurementKey.TAU, MeasurementKey.SELF_TRANSITION, MeasurementKey.SELF_TRANSITION_COUNT,
            MeasurementKey.CLASS_KL);

    private ClaimRobustness() {
    }

    /** {@code nominal}'s claims with their robustness, {@code check} applied to each redraw of {@code rows}. */
    static ClaimReport assess(ClaimReport nominal, List<ModelSummary> rows,
            Function<List<ModelSummary>, ClaimReport> check) {
        UniformRandomProvider rng = SeedTree.root(SEED).child("claim-robustness").stream();
        int heldFixed = 0;
        for (ModelSummary r : rows) {
            for (MeasurementKey k : REDRAWN) {
                if (Double.isFinite(r.value(k)) && !(r.standardError(k) >= 0 && Double.isFinite(r.standardError(k)))) {
                    heldFixed++;
                }
            }
        }
        List<List<Verdict>> verdicts = new ArrayList<>();
        for (int c = 0; c < nominal.claims().size(); c++) {
            verdicts.add(new ArrayList<>());
        }
        for (int d = 0; d < DRAWS; d++) {
            List<ModelSummary> redrawn = new ArrayList<>(rows.size());
            for (ModelSummary r : rows) {
                redrawn.add(redraw(r, rng));
            }
            List<Claim> claims = check.apply(redrawn).claims();
            for (int c = 0; c < claims.size(); c++) {
                verdicts.get(c).add(claims.get(c).verdict());
            }
        }
        List<Claim> out = new ArrayList<>();
        for (int c = 0; c < nominal.claims().size(); c++) {
            Claim cl = nominal.claims().get(c);
            out.add(cl.withRobustness(Robustness.of(cl.verdict(), verdicts.get(c), heldFixed)));
        }
        return nominal.withClaims(out);
    }

    private static ModelSummary redraw(ModelSummary r, UniformRandomProvider rng) {
        Map<MeasurementKey, Double> values = new HashMap<>();
        for (MeasurementKey k : REDRAWN) {
            double v = r.value(k);
            double se = r.standardError(k);
            double z = gaussian(rng); // drawn for every key, so one model's missing error does not shift the others
            if (!Double.isFinite(v) || !Double.isFinite(se) || se <= 0) {
                continue;
            }
            if (k.equals(MeasurementKey.LOG_LIKELIHOOD)) {
                values.put(k, v + se * z);
            } else if (v > 0) {
                double s2 = StrictMath.log1p((se / v) * (se / v));
                values.put(k, v * StrictMath.exp(Math.sqrt(s2) * z - s2 / 2));
            }
        }
        return r.withValues(values);
    }

    /** A standard normal by Box–Muller in StrictMath (same bits everywhere). */
    static double gaussian(UniformRandomProvider rng) {
        double u = 1 - rng.nextDouble(); // (0, 1]
        double v = rng.nextDouble();
        return Math.sqrt(-2 * StrictMath.log(u)) * StrictMath.cos(2 * Math.PI * v);
    }
}
