package org.nelc.analysis.classes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.nelc.analysis.MockMeasures;
import org.nelc.analysis.TestModels;
import org.nelc.api.data.Dataset;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.TransitionEstimate;
import org.nelc.core.model.Model;

class ClassKlDiagnosticTest {
    private static DiagnosticContext context(Dataset data, double[] occupancy) {
        Model model = TestModels.plantedCycle(3, 3, "sigmoid-ratio");
        DiagnosticContext ctx = MockMeasures.answering(mock(DiagnosticContext.class));
        when(ctx.model()).thenReturn(model);
        when(ctx.data()).thenReturn(data);
        when(ctx.transitions("count")).thenReturn(TransitionEstimate.builder().estimator("count").states(3)
                .matrix(new double[9]).occupancy(occupancy).stationary(occupancy).visited(new boolean[3]).samples(0)
                .build());
        return ctx;
    }

    @Test
    void klOfThePlantedAssignment() {
        Dataset data = TestModels.plantedData(3, 3, 300, 0.05, 4);
        DiagnosticResult r = new ClassKlDiagnostic().compute(context(data, new double[] {0.5, 0.25, 0.25}));
        assertEquals(DiagnosticResult.Status.OK, r.status());
        assertEquals("nats", r.measurement("kl").unit());
        double third = 1.0 / 3;
        assertEquals(ClassKl.kl(new double[] {third, third, third}, new double[] {0.5, 0.25, 0.25}), r.number("kl"),
                1e-15);
    }

    @Test
    void unlabeledDataIsReportedAsNotAvailable() {
        Dataset data = TestModels.unlabeled(TestModels.plantedData(3, 3, 30, 0.05, 5));
        DiagnosticResult r = new ClassKlDiagnostic().compute(context(data, new double[] {0.5, 0.25, 0.25}));
        assertEquals(DiagnosticResult.Status.NOT_AVAILABLE, r.status());
        assertEquals("needs labels: the data has none", r.message());
        assertTrue(r.measurements().isEmpty());
    }
}
