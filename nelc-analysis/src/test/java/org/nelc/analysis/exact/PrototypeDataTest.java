package org.nelc.analysis.exact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.nelc.api.UserError;
import org.nelc.api.data.Dataset;
import org.nelc.core.random.SeedTree;

class PrototypeDataTest {
    @Test
    void deterministicLabelledAndFlippedAtTheGivenRate() {
        PrototypeData.Builder noisy = PrototypeData.builder().rows(3000).dimension(10).classes(3).density(0.4).flip(0.1);
        Dataset a = noisy.generate(SeedTree.root(1).stream());
        Dataset b = noisy.generate(SeedTree.root(1).stream());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertEquals(2, a.label(2));
        assertEquals(0, a.label(3));
        Dataset clean = PrototypeData.builder().rows(3).dimension(10).classes(3).density(0.4).flip(0.0)
                .generate(SeedTree.root(1).stream());
        // rows of a class differ from their prototype (the noise-free row) in ~10 % of the pixels
        int flips = 0;
        for (int n = 0; n < 3000; n++) {
            int k = n % 3;
            for (int i = 0; i < 10; i++) {
                flips += a.bit(n, i) != clean.bit(k, i) ? 1 : 0;
            }
        }
        // binomial over 30 000 pixels: 5 standard deviations
        assertEquals(0.1, flips / 30000.0, 5 * Math.sqrt(0.09 / 30000));
        assertArrayEquals(new int[] {0, 1, 2}, clean.labels());
        assertThrows(UserError.class, () -> PrototypeData.builder().rows(3).dimension(10).classes(3).flip(0.7)
                .generate(SeedTree.root(1).stream()));
    }
}
