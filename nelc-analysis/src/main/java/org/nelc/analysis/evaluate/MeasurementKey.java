package org.nelc.analysis.evaluate;

import java.util.List;
import org.nelc.analysis.classes.ClassKlDiagnostic;
import org.nelc.analysis.cycles.CyclesDiagnostic;
import org.nelc.analysis.entropy.EntropyProductionDiagnostic;
import org.nelc.analysis.spectrum.DecorrelationTimeDiagnostic;
import org.nelc.analysis.spectrum.SelfTransitionDiagnostic;
import org.nelc.analysis.transition.CountEstimator;
import org.nelc.analysis.transition.RaoBlackwellEstimator;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;

/**
 * Where one number of an evaluation is found: the diagnostic that reports it and the measurement's key.
 * Everything downstream (tables, summaries, claim checks, figures) reads numbers through these, so a
 * number has one name from the diagnostic that computes it to the report that shows it. The constants
 * are the built-in numbers the claims and figures use; the primary estimator is the Rao-Blackwellized M
 * (SPEC §7), the counted one (the paper's) is kept beside it.
 *
 * @param diagnostic the diagnostic's name
 * @param key the measurement's key within it
 */
public record MeasurementKey(String diagnostic, String key) {
    private static final String RB = RaoBlackwellEstimator.NAME;
    private static final String COUNT = CountEstimator.NAME;

    public static final MeasurementKey LOG_LIKELIHOOD = new MeasurementKey(LogLikelihoodResult.NAME,
            LogLikelihoodResult.PRECISE);
    /** The spread of the LL over the data rows (for paired comparisons on the same rows). */
    public static final MeasurementKey LOG_LIKELIHOOD_DATA_SE = new MeasurementKey(LogLikelihoodResult.NAME,
            LogLikelihoodResult.DATA_SPREAD);
    public static final MeasurementKey SIGMA = new MeasurementKey(EntropyProductionDiagnostic.NAME,
            EntropyProductionDiagnostic.sigmaKey(RB));
    public static final MeasurementKey SIGMA_COUNT = new MeasurementKey(EntropyProductionDiagnostic.NAME,
            EntropyProductionDiagnostic.sigmaKey(COUNT));
    public static final MeasurementKey ONE_WAY_PAIRS = new MeasurementKey(EntropyProductionDiagnostic.NAME,
            "one-way-pairs.count");
    public static final MeasurementKey TAU = new MeasurementKey(DecorrelationTimeDiagnostic.NAME,
            DecorrelationTimeDiagnostic.tauKey(RB));
    public static final MeasurementKey TAU_COUNT = new MeasurementKey(DecorrelationTimeDiagnostic.NAME,
            DecorrelationTimeDiagnostic.tauKey(COUNT));
    public static final MeasurementKey SELF_TRANSITION = new MeasurementKey(SelfTransitionDiagnostic.NAME,
            SelfTransitionDiagnostic.meanDiagonalKey(RB));
    public static final MeasurementKey SELF_TRANSITION_COUNT = new MeasurementKey(SelfTransitionDiagnostic.NAME,
            SelfTransitionDiagnostic.meanDiagonalKey(COUNT));
    public static final MeasurementKey SELF_TRANSITION_BASELINE = new MeasurementKey(SelfTransitionDiagnostic.NAME,
            SelfTransitionDiagnostic.BASELINE);
    public static final MeasurementKey CLASS_KL = new MeasurementKey(ClassKlDiagnostic.NAME, ClassKlDiagnostic.KL);
    public static final MeasurementKey CLEAN_CYCLE = new MeasurementKey(CyclesDiagnostic.NAME,
            CyclesDiagnostic.cleanKey(RB));

    /** The column name downstream, {@code <diagnostic>.<key>} (see {@link Measurement#key()}). */
    public String column() {
        return diagnostic + "." + key;
    }

    /** This measurement in {@code results}, or null when its diagnostic did not run, failed or lacks it. */
    public Measurement in(List<DiagnosticResult> results) {
        for (DiagnosticResult r : results) {
            if (r.diagnostic().equals(diagnostic)) {
                for (Measurement m : r.measurements()) {
                    if (m.key().equals(key)) {
                        return m;
                    }
                }
            }
        }
        return null;
    }

    /** Its value in {@code results}, NaN when absent. */
    public double valueIn(List<DiagnosticResult> results) {
        Measurement m = in(results);
        return m == null ? Double.NaN : m.value();
    }

    @Override
    public String toString() {
        return column();
    }
}
