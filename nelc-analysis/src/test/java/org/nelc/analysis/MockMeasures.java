package org.nelc.analysis;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;

import java.util.function.ToDoubleFunction;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.Measurement;
import org.nelc.api.diagnostic.TransitionEstimate;

/**
 * Makes a mocked {@link DiagnosticContext} answer {@code measure}/{@code measureOccupancy} with {@code f}
 * of the mocked estimate (or of the count estimate's occupancy), error not estimated: what a diagnostic
 * computes is tested here; the errors are tested with the real context.
 */
public final class MockMeasures {
    private MockMeasures() {
    }

    @SuppressWarnings("unchecked")
    public static DiagnosticContext answering(DiagnosticContext ctx) {
        when(ctx.measure(anyString(), anyString(), anyString(), anyString(), any())).thenAnswer(inv -> {
            TransitionEstimate t = ctx.transitions(inv.getArgument(0));
            double v = ((ToDoubleFunction<TransitionEstimate>) inv.getArgument(4)).applyAsDouble(t);
            return Measurement.builder().key(inv.getArgument(1)).description(inv.getArgument(2)).value(v)
                    .unit(inv.getArgument(3)).method("mock").build();
        });
        when(ctx.measureOccupancy(anyString(), anyString(), anyString(), any())).thenAnswer(inv -> {
            double[] p = ctx.transitions("count").occupancy();
            double v = ((ToDoubleFunction<double[]>) inv.getArgument(3)).applyAsDouble(p);
            return Measurement.builder().key(inv.getArgument(0)).description(inv.getArgument(1)).value(v)
                    .unit(inv.getArgument(2)).method("mock").build();
        });
        return ctx;
    }
}
