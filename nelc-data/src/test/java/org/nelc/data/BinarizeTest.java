package org.nelc.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinarizeTest {
    @Test
    void unitGrayLevelsAreOneStrictlyAboveHalf() {
        assertEquals(0, Binarize.unit(0.0));
        assertEquals(0, Binarize.unit(0.5));
        assertEquals(1, Binarize.unit(0.5000001));
        assertEquals(1, Binarize.unit(Math.nextUp(0.5)));
        assertEquals(1, Binarize.unit(1.0));
    }

    @Test
    void byteGrayLevelsAreOneFrom128() {
        assertEquals(0, Binarize.unsignedByte(0));
        assertEquals(0, Binarize.unsignedByte(127));
        assertEquals(1, Binarize.unsignedByte(128));
        assertEquals(1, Binarize.unsignedByte(255));
    }

    @Test
    void theByteRuleIsTheUnitRuleOnByteOverMax() {
        for (int b = 0; b < 256; b++) {
            assertEquals(Binarize.unit(b / 255.0), Binarize.unsignedByte(b), "byte " + b);
        }
    }
}
