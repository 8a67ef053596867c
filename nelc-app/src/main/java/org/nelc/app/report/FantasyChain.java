package org.nelc.app.report;

import org.apache.commons.rng.RestorableUniformRandomProvider;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.model.Model;
import org.nelc.core.random.SeedStreams;
import org.nelc.core.random.SeedTree;

/**
 * A short run of the model's chain for the figures: from a visible state {@code x(0)}, {@code steps}
 * double steps {@code z(t−1) ~ Ā(x(t−1))}, {@code x(t) ~ A(z(t−1))}, recording for {@code t = 1 … steps}
 * the latent state {@code z(t−1)}, the mean image {@code ⟨x(t)⟩ = E[x | z(t−1)]} and the sample
 * {@code x(t)}. Randomness: {@code SeedTree.root(seed).child("figure")}.
 *
 * @param latent {@code z(t−1)} for t = 1 … steps
 * @param means {@code ⟨x(t)⟩}, row-major {@code steps × D}
 * @param samples {@code x(t)} as 0/1 doubles, row-major {@code steps × D}
 */
public record FantasyChain(int[] latent, double[] means, double[] samples, int dimension) {

    public static FantasyChain run(Model model, byte[] start, long seed, int steps) {
        int d = model.visibleSize();
        PersistentChain chain = new PersistentChain(new byte[][] {start},
                new RestorableUniformRandomProvider[] {SeedTree.root(seed).child(SeedStreams.FIGURE).stream()});
        ChainRecord record = new ChainRecord(steps, d, model.units());
        chain.run(model, steps, record);
        int[] z = java.util.Arrays.copyOf(record.states(), steps);
        double[] means = new double[steps * d];
        double[] samples = new double[steps * d];
        byte[] vis = record.visible();
        byte[] last = chain.state(0);
        double[] h = new double[d];
        int[] scratch = new int[model.units()];
        for (int t = 0; t < steps; t++) {
            model.field(z[t], h, scratch);
            for (int i = 0; i < d; i++) {
                means[t * d + i] = model.visible().mean(h[i]);
                // x(t+1): the next recorded visible state, or the chain's final state
                samples[t * d + i] = t + 1 < steps ? vis[(t + 1) * d + i] : last[i];
            }
        }
        return new FantasyChain(z, means, samples, d);
    }

    public int steps() {
        return latent.length;
    }
}
