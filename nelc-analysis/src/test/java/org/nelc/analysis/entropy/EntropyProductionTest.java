package org.nelc.analysis.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nelc.analysis.transition.StationaryVector;

class EntropyProductionTest {
    @Test
    void twoStatesWithGivenWeights() {
        double[] m = {0.7, 0.3, 0.1, 0.9};
        // J01 = 0.5·0.3 = 0.15, J10 = 0.5·0.1 = 0.05: σ = 0.1 ln 3
        EntropyProduction.Result r = EntropyProduction.of(m, new double[] {0.5, 0.5}, 2);
        assertEquals(0.1 * Math.log(3), r.sigma(), 1e-15);
        assertEquals(0, r.oneWayPairs());
        assertEquals(1, r.twoWayPairs());
    }

    @Test
    void everyTwoStateChainIsReversibleInItsSteadyState() {
        double[] m = {0.7, 0.3, 0.1, 0.9};
        assertEquals(0.0, EntropyProduction.sigma(m, StationaryVector.of(m, 2), 2), 1e-16);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.6, 0.9, 0.99})
    void aBiasedThreeCycleHasTheClosedForm(double q) {
        // M = circulant(0, q, 1−q): uniform π, each pair carries (2q−1)/3 · ln(q/(1−q))
        double[] m = {0, q, 1 - q, 1 - q, 0, q, q, 1 - q, 0};
        double third = 1.0 / 3;
        double expected = (2 * q - 1) * Math.log(q / (1 - q));
        assertEquals(expected, EntropyProduction.sigma(m, new double[] {third, third, third}, 3), 1e-14);
    }

    @Test
    void oneWayPairsAreSkippedAndCounted() {
        double[] m = {0, 1, 0, 0, 0, 1, 1, 0, 0};
        double third = 1.0 / 3;
        EntropyProduction.Result r = EntropyProduction.of(m, new double[] {third, third, third}, 3);
        assertEquals(0.0, r.sigma());
        assertEquals(3, r.oneWayPairs());
        assertEquals(0, r.twoWayPairs());
    }

    /** A subnormal reverse flow: the ratio J_ab / J_ba would overflow to ∞, the difference of logs does not. */
    @org.junit.jupiter.api.Test
    void subnormalReverseFlowStaysFinite() {
        double tiny = 8.6e-321;
        double[] m = {1 - 1.8e-3, 1.8e-3, tiny, 1 - tiny};
        double[] p = {0.5, 0.5};
        double sigma = EntropyProduction.of(m, p, 2).sigma();
        double expect = (0.5 * 1.8e-3 - 0.5 * tiny) * (Math.log(0.5 * 1.8e-3) - Math.log(0.5 * tiny));
        org.junit.jupiter.api.Assertions.assertEquals(expect, sigma, 1e-12);
        org.junit.jupiter.api.Assertions.assertTrue(Double.isFinite(sigma));
    }

    @Test
    void skippedOneWayPairsAddAtLeastTheirTermAtTheRuleOfThreeFloor() {
        // 3 states, T = 1000 transitions: 0→1 seen with J = 0.2, never 1→0; 1↔2 and 0↔2 both ways
        double[] m = {0, 0.6, 0.4, 0, 0.5, 0.5, 0.3, 0.3, 0.4};
        double[] p = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        double j = 0.2;
        double floor = 3.0 / 1000;
        double expected = (j - floor) * Math.log(j / floor);
        assertEquals(expected, EntropyProduction.skippedPairsLowerBound(m, p, 3, 1000), 1e-12);
        // another run may see the reverse transition once (then the pair adds (J − 1/T) ln(J T)) or not: at
        // most half that as a standard deviation
        assertEquals(0.5 * (j - 1e-3) * Math.log(j * 1000), EntropyProduction.skippedPairsSpread(m, p, 3, 1000),
                1e-12);
        assertEquals(0.0, EntropyProduction.skippedPairsSpread(new double[] {0.5, 0.5, 0.5, 0.5},
                new double[] {0.5, 0.5}, 2, 1000), 0.0);
        String note = EntropyProduction.oneWayNote(m, p, 3, 1000);
        org.junit.jupiter.api.Assertions.assertTrue(note.startsWith("1 one-way pair skipped"), note);
        assertEquals("", EntropyProduction.oneWayNote(new double[] {0.5, 0.5, 0.5, 0.5}, new double[] {0.5, 0.5}, 2,
                1000));
    }
}
