package org.nelc.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;
import org.nelc.data.text.TextDataSource;

class PrototypeTeacherTest {
    @TempDir
    Path dir;

    @Test
    void isDeterministicGivenTheSeed() {
        Dataset a = PrototypeTeacher.fromSeed(3, 20, 5, 0.1, 42L);
        Dataset b = new PrototypeTeacher(3, 20, 0.1, 42L).sample(5);
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), PrototypeTeacher.fromSeed(3, 20, 5, 0.1, 43L).fingerprint());
        assertEquals("prototype-teacher K=3 D=20 noise=0.1 seed=42 perClass=5", a.source());
    }

    @Test
    void theSeedsOutputIsPinned() {
        // changes only if the generator or the drawing order changes; either breaks reproducibility
        PrototypeTeacher t = new PrototypeTeacher(2, 8, 0.25, 7L);
        assertEquals(PINNED, t.sample(3).fingerprint());
    }

    private static final String PINNED = "sha256:051eef412b8ede839510b13966fda223a9bd3b021668f5bb9f1d7de21c2c727b";

    @Test
    void rowsAreClassByClassWithPrototypeLabels() {
        Dataset d = PrototypeTeacher.fromSeed(4, 10, 3, 0.2, 1L);
        assertEquals(12, d.size());
        assertEquals(10, d.dimension());
        assertArrayEquals(new int[] {0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3}, d.labels());
        assertEquals(Map.of(0, 3, 1, 3, 2, 3, 3, 3), d.classCounts());
    }

    @Test
    void noNoiseGivesThePrototypesAndFullNoiseTheirComplements() {
        PrototypeTeacher t = new PrototypeTeacher(3, 50, 0.0, 5L);
        Dataset clean = t.sample(2);
        Dataset flipped = new PrototypeTeacher(3, 50, 1.0, 5L).sample(2);
        for (int n = 0; n < clean.size(); n++) {
            int k = clean.label(n);
            for (int i = 0; i < 50; i++) {
                assertEquals(t.prototypeBit(k, i), clean.bit(n, i));
                assertEquals(1 - t.prototypeBit(k, i), flipped.bit(n, i));
            }
        }
        assertArrayEquals(t.prototype(1), new PrototypeTeacher(3, 50, 0.3, 5L).prototype(1),
                "prototypes do not depend on the noise");
    }

    @Test
    void flipsAboutNoiseOfTheBits() {
        PrototypeTeacher t = new PrototypeTeacher(2, 500, 0.1, 11L);
        Dataset d = t.sample(20);
        int flips = 0;
        for (int n = 0; n < d.size(); n++) {
            for (int i = 0; i < 500; i++) {
                flips += d.bit(n, i) ^ t.prototypeBit(d.label(n), i);
            }
        }
        double rate = flips / (double) (d.size() * 500);
        assertEquals(0.1, rate, 0.01); // 20000 bits: sd ≈ 0.002
    }

    @Test
    void prototypesAreFairCoins() {
        PrototypeTeacher t = new PrototypeTeacher(1, 10_000, 0.0, 3L);
        int ones = 0;
        for (int i = 0; i < 10_000; i++) {
            ones += t.prototypeBit(0, i);
        }
        assertEquals(5000, ones, 250);
    }

    @Test
    void rowsDoNotDependOnHowManyAreDrawn() {
        PrototypeTeacher t = new PrototypeTeacher(2, 16, 0.3, 9L);
        Dataset small = t.sample(2);
        Dataset large = t.sample(5);
        for (int k = 0; k < 2; k++) {
            for (int n = 0; n < 2; n++) {
                for (int i = 0; i < 16; i++) {
                    assertEquals(large.bit(5 * k + n, i), small.bit(2 * k + n, i));
                }
            }
        }
    }

    @Test
    void badParametersAreUserErrorsNamingThem() {
        for (var c : List.<Runnable>of(
                () -> new PrototypeTeacher(0, 5, 0.1, 1),
                () -> new PrototypeTeacher(2, 0, 0.1, 1),
                () -> new PrototypeTeacher(2, 5, 1.5, 1),
                () -> new PrototypeTeacher(2, 5, Double.NaN, 1),
                () -> new PrototypeTeacher(2, 5, 0.1, 1).sample(0))) {
            UserError e = assertThrows(UserError.class, c::run);
            assertTrue(e.getMessage().matches(".*(classes|dimension|noise|perClass).*"), e.getMessage());
        }
    }

    @Test
    void writesTheTextFormat() {
        Path file = dir.resolve("teacher.txt");
        Dataset written = new PrototypeTeacher(3, 12, 0.1, 8L).writeText(file, 4);
        Dataset read = new TextDataSource().load(file, new DataSelection(List.of(), 100, false));
        assertEquals(written.fingerprint(), read.fingerprint());
        Dataset two = new TextDataSource().load(file, new DataSelection(List.of(2), 100, false));
        assertEquals(Map.of(2, 4), two.classCounts());
    }
}
