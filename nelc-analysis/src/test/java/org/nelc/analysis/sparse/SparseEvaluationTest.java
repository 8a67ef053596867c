package org.nelc.analysis.sparse;

import org.nelc.analysis.evaluate.MeasurementKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nelc.analysis.TestModels;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.analysis.evaluate.Evaluator;
import org.nelc.api.data.Dataset;
import org.nelc.core.model.Model;

class SparseEvaluationTest {

    /** Where both apply, the sparse path reproduces the dense evaluation's chain-based numbers. */
    @Test
    void agreesWithTheDenseEvaluatorOnASmallLatentSpace() {
        Model m = TestModels.randomModel(9, TestModels.kernel("bits", 4, null), 1.0, 3);
        Dataset data = TestModels.prototypes(60, 9, 3, 2);
        EvaluationOptions o = new EvaluationOptions(7, 20_000, 200, 50);
        Evaluation dense = new Evaluator(Evaluator.discoverDiagnostics()).evaluate(m, data, o);
        SparseEvaluation sparse = SparseEvaluation.of(m, data, null, o);
        assertEquals(dense.logLikelihood(), sparse.logLikelihood().mean(), 0.0);
        // J from counts / total (here) and occupancy × row-normalized counts (dense) differ by the one
        // final transition of the trajectory: O(1/T) = 5e-5 relative at T = 20 000
        assertEquals(dense.value(MeasurementKey.SIGMA_COUNT), sparse.sigmaCount(), 5e-4 * dense.value(MeasurementKey.SIGMA_COUNT));
        assertEquals((int) dense.value(MeasurementKey.ONE_WAY_PAIRS), sparse.oneWayPairs());
        // the same delete-one-batch jackknife: the replicates differ from the dense ones by the same O(1/T)
        double se = dense.measurement(MeasurementKey.SIGMA_COUNT).standardError();
        assertTrue(se > 0, "dense s.e. " + se);
        assertEquals(se, sparse.sigmaCountError(), 0.01 * se);
        assertEquals(dense.value(MeasurementKey.CLASS_KL), sparse.classKl(), 1e-12);
        // the LL's Monte-Carlo error: the dense evaluation recomputes every delete-one-batch replicate exactly,
        // the sparse one takes each to first order in its occupancy change (5 % of the trajectory left out);
        // the second-order terms are what is left: 0.05 % here; 2 % leaves room for other models
        double llSe = dense.measurement(MeasurementKey.LOG_LIKELIHOOD).standardError();
        assertTrue(llSe > 0, "dense LL s.e. " + llSe);
        assertEquals(llSe, sparse.logLikelihoodError(), 0.02 * llSe, "dense " + llSe + ", sparse "
                + sparse.logLikelihoodError());
        assertEquals(sparse.logLikelihoodError(), sparse.logLikelihoodMeasurement().standardError(), 0.0);
        // the class KL's error: the dense path reassigns the states in every replicate, the sparse one holds
        // the assignment; where no replicate moves a state to another class the two are the same numbers
        double klSe = dense.measurement(MeasurementKey.CLASS_KL).standardError();
        assertTrue(klSe > 0, "dense class KL s.e. " + klSe);
        assertEquals(klSe, sparse.classKlError(), 1e-9 * klSe, "dense " + klSe + ", sparse " + sparse.classKlError());
    }

    /** bits:20 has 2^20 states; the cost follows the visited states, so this takes well under a second. */
    @Test
    void handlesAMillionStatesByVisitingFew() {
        Model m = TestModels.randomModel(12, TestModels.kernel("bits", 20, null), 2.0, 5);
        Dataset data = TestModels.prototypes(50, 12, 2, 1);
        SparseEvaluation e = SparseEvaluation.of(m, data, null, new EvaluationOptions(1, 20_000, 100, 1));
        assertEquals(1 << 20, e.states());
        assertTrue(e.visited() > 1 && e.visited() <= 20_000, "visited " + e.visited());
        assertTrue(Double.isFinite(e.logLikelihood().mean()));
        assertTrue(e.logLikelihoodError() > 0 && Double.isFinite(e.logLikelihoodError()), "LL Monte-Carlo error "
                + e.logLikelihoodError());
        assertTrue(e.sigmaCount() >= 0);
        assertTrue(e.seconds() < 10, e.seconds() + " s");
    }
}
