package org.nelc.analysis.spectrum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpectrumTest {
    @Test
    void sortedByModulusWithConjugatesTogether() {
        // a 4-cycle permutation: eigenvalues 1, i, −1, −i (all modulus 1), then sorted by real, imaginary part
        double[] m = {0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0};
        Spectrum s = Spectrum.of(m, 4);
        assertArrayEquals(new double[] {1, 0, 0, -1}, s.real(), 1e-12);
        assertArrayEquals(new double[] {0, 1, -1, 0}, s.imaginary(), 1e-12);
        for (int k = 0; k < 4; k++) {
            assertEquals(1, s.modulus(k), 1e-12);
        }
    }

    @Test
    void triangularMatrixHasItsDiagonal() {
        double[] m = {0.5, 0.5, 0, 0, 0.2, 0.8, 0, 0, 1};
        Spectrum s = Spectrum.of(m, 3);
        assertArrayEquals(new double[] {1, 0.5, 0.2}, s.real(), 1e-14);
    }
}
