package org.nelc.analysis.transition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelc.analysis.TestModels;
import org.nelc.core.model.Model;

class KernelTablesTest {
    @ParameterizedTest
    @ValueSource(strings = {"one-hot", "bits"})
    void logitsAndFieldsAreTheModels(String encoding) {
        Model model = TestModels.randomModel(9, TestModels.kernel(encoding, 3, "sigmoid-ratio"), 2, 4);
        KernelTables t = new KernelTables(model);
        int[] active = {0, 3, 4, 8};
        double[] u = new double[3];
        double[] expected = new double[3];
        t.logits(active, active.length, u, 0);
        model.logits(active, active.length, expected, 0);
        assertArrayEquals(expected, u, 1e-12);
        double[] h = new double[9];
        double[] hm = new double[9];
        int[] scratch = new int[3];
        for (int s = 0; s < model.latent().states(); s++) {
            double lz = t.field(s, h, scratch);
            model.field(s, hm, scratch);
            assertArrayEquals(hm, h, 0);
            assertEquals(model.logPartition(hm), lz, 1e-12);
        }
    }
}
