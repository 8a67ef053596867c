package org.example.nelcplugin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelc.api.Named;
import org.nelc.api.PluginLookup;
import org.nelc.api.Settings;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;

class WeightedTwoStepTest {
    /** Stands in for nelc's two-step: writes 1, 2, 3, 4 into the four blocks. */
    private static final GradientEstimator FAKE = new GradientEstimator() {
        public String name() {
            return "two-step";
        }

        public String description() {
            return "fake";
        }

        public double estimate(ModelView m, Dataset d, int[] b, ChainRecord c, ScoreFactor s, double[][] g) {
            for (int k = 0; k < 4; k++) {
                java.util.Arrays.fill(g[k], k + 1.0);
            }
            return -7.5;
        }
    };

    private static final PluginLookup LOOKUP = new PluginLookup() {
        public <T extends Named> T get(Class<T> spi, String name) {
            assertSame(GradientEstimator.class, spi);
            assertEquals("two-step", name);
            return spi.cast(FAKE);
        }
    };

    private static double[][] run(GradientEstimator e) {
        double[][] g = {new double[2], new double[2], new double[2], new double[2]};
        assertEquals(-7.5, e.estimate(null, null, new int[0], null, ScoreFactor.PAPER, g), 0.0);
        return g;
    }

    @Test
    void scalesOnlyTheLatentBlocks() {
        WeightedTwoStep e = new WeightedTwoStep();
        e.plugins(LOOKUP);
        double[][] g = run(e.configure(new Settings(Map.of("latent-weight", 0.5))));
        assertArrayEquals(new double[] {1, 1}, g[0]);
        assertArrayEquals(new double[] {2, 2}, g[1]);
        assertArrayEquals(new double[] {1.5, 1.5}, g[2]);
        assertArrayEquals(new double[] {2, 2}, g[3]);
        double[][] plain = run(e.configure(Settings.NONE));
        assertArrayEquals(new double[] {3, 3}, plain[2]);
        assertEquals(Settings.NONE, e.configuration());
    }

    @Test
    void settingsAreChecked() {
        WeightedTwoStep e = new WeightedTwoStep();
        UserError unknown = assertThrows(UserError.class, () -> e.configure(new Settings(Map.of("weight", 2.0))));
        assertTrue(unknown.getMessage().contains("known: latent-weight"), unknown.getMessage());
        assertThrows(UserError.class, () -> e.configure(new Settings(Map.of("latent-weight", 0.0))));
    }
}
