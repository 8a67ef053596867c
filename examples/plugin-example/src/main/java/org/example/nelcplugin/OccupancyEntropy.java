package org.example.nelcplugin;

import java.util.List;
import java.util.Map;
import org.nelc.api.diagnostic.Diagnostic;
import org.nelc.api.diagnostic.DiagnosticContext;
import org.nelc.api.diagnostic.DiagnosticResult;
import org.nelc.api.diagnostic.Measurement;

/**
 * How evenly the latent chain uses its states: the entropy {@code H = −Σ_z p(z) log p(z)} of the state
 * occupancy along the evaluation trajectory, in nats, and {@code e^H}, the effective number of states.
 * The error is by batch means: the trajectory cut into {@value #BATCHES} consecutive segments, H of each,
 * standard error of their mean (valid when a segment is much longer than the decorrelation time; the
 * plug-in H of a segment is biased low by about {@code (states − 1)/(2n)}, reported in the note).
 *
 * <p>A pure function of the context: no fields, so one instance serves every thread.
 */
public final class OccupancyEntropy implements Diagnostic {
    static final int BATCHES = 20;

    @Override
    public String name() {
        return "occupancy-entropy";
    }

    @Override
    public String description() {
        return "entropy of the latent-state occupancy along the chain, e^H effective states (example plugin)";
    }

    @Override
    public DiagnosticResult compute(DiagnosticContext context) {
        int[] z = context.trajectory();
        int states = context.model().latent().states();
        if (z.length < BATCHES * 10) {
            return DiagnosticResult.notAvailable(name(), "needs a trajectory of at least " + BATCHES * 10 + " steps");
        }
        double whole = entropy(z, 0, z.length, states);
        int per = z.length / BATCHES;
        double[] h = new double[BATCHES];
        double mean = 0;
        for (int b = 0; b < BATCHES; b++) {
            h[b] = entropy(z, b * per, (b + 1) * per, states);
            mean += h[b];
        }
        mean /= BATCHES;
        double var = 0;
        for (double v : h) {
            var += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(var / (BATCHES - 1) / BATCHES);
        String method = "plug-in over " + z.length + " steps; error by batch means over " + BATCHES + " segments";
        String note = String.format(java.util.Locale.ROOT, "segment bias about -%.2g nats", (states - 1) / (2.0 * per));
        Measurement entropy = Measurement.builder().key("entropy").description("H of the state occupancy")
                .value(whole).standardError(se).unit("nats").method(method).note(note).build();
        // e^H: error by the delta method
        Measurement effective = Measurement.builder().key("effective-states")
                .description("e^H, effective number of states").value(StrictMath.exp(whole))
                .standardError(StrictMath.exp(whole) * se).method("e^H, delta method").build();
        return DiagnosticResult.of(name(), List.of(entropy, effective), Map.of("segments", BATCHES));
    }

    /** Plug-in entropy of the states {@code z[from … to−1]}, summed in state order. */
    static double entropy(int[] z, int from, int to, int states) {
        long[] counts = new long[states];
        for (int t = from; t < to; t++) {
            counts[z[t]]++;
        }
        double n = to - from;
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * StrictMath.log(p);
            }
        }
        return h;
    }
}
