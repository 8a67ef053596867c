package org.nelc.app.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nelc.api.diagnostic.Measurement;

class MeasurementTextTest {
    private static String text(double v, double se) {
        return MeasurementText.valueWithError(Measurement.builder().key("k").description("d").value(v)
                .standardError(se).method("m").build());
    }

    @Test
    void theValueIsRoundedToTwoSignificantDigitsOfItsError() {
        assertEquals("7.94 ± 0.12", text(7.9412, 0.1234));
        assertEquals("-147.099800 ± 0.000076", text(-147.0998, 7.6e-5));
        assertEquals("58 ± 12", text(57.5, 12.3));
        assertEquals("0.00328 ± 0.00018", text(0.003281, 0.000181));
    }

    @Test
    void exactUnknownAndInfiniteValues() {
        assertEquals("3", text(3, 0));
        assertEquals("0.1667", text(1 / 6.0, 0));
        assertEquals("7.900 ± ?", text(7.9, Double.NaN));
        assertEquals("∞", text(Double.POSITIVE_INFINITY, Double.NaN));
        assertEquals("6.04e-05 ± 4.6e-06", text(6.04e-5, 4.6e-6));
    }
}
