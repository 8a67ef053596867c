package org.example.nelcplugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.model.ModelView;

class OccupancyEntropyTest {
    /** A context that answers only what the diagnostic asks: the trajectory and the number of states. */
    private static DiagnosticContext context(int[] z, int states) {
        LatentKernel latent = (LatentKernel) Proxy.newProxyInstance(LatentKernel.class.getClassLoader(),
                new Class<?>[] {LatentKernel.class}, (p, m, a) -> m.getName().equals("states") ? states : null);
        ModelView model = (ModelView) Proxy.newProxyInstance(ModelView.class.getClassLoader(),
                new Class<?>[] {ModelView.class}, (p, m, a) -> m.getName().equals("latent") ? latent : null);
        return (DiagnosticContext) Proxy.newProxyInstance(DiagnosticContext.class.getClassLoader(),
                new Class<?>[] {DiagnosticContext.class}, (p, m, a) -> switch (m.getName()) {
                    case "trajectory" -> z;
                    case "model" -> model;
                    default -> null;
                });
    }

    @Test
    void aChainCyclingThroughFourStatesHasEntropyLogFour() {
        int[] z = new int[4000];
        for (int t = 0; t < z.length; t++) {
            z[t] = t % 4;
        }
        DiagnosticResult r = new OccupancyEntropy().compute(context(z, 6));
        assertEquals(DiagnosticResult.Status.OK, r.status());
        // every segment (200 steps) holds each state 50 times: H = log 4 in each, no spread
        assertEquals(Math.log(4), r.measurement("entropy").value(), 1e-15);
        assertEquals(0.0, r.measurement("entropy").standardError(), 1e-15);
        assertEquals(4.0, r.measurement("effective-states").value(), 1e-12);
    }

    @Test
    void aStuckChainHasEntropyZeroAndAShortOneIsNotAvailable() {
        DiagnosticResult stuck = new OccupancyEntropy().compute(context(new int[1000], 3));
        assertEquals(0.0, stuck.measurement("entropy").value(), 0.0);
        DiagnosticResult shortOne = new OccupancyEntropy().compute(context(new int[10], 3));
        assertEquals(DiagnosticResult.Status.NOT_AVAILABLE, shortOne.status());
    }
}
