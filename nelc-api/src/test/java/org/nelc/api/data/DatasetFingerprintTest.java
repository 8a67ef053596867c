package org.nelc.api.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The fingerprint, now computed on first use (or restored from the row cache), against its definition. */
class DatasetFingerprintTest {
    private static final byte[] BITS = {1, 0, 1, 0, 0, 1, 1, 1, 0};
    private static final int[] LABELS = {2, -1, 7};

    /** SHA-256 of size and dimension (big-endian ints), the bits, the labels (big-endian ints). */
    private static String definition() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(buf);
        out.writeInt(3);
        out.writeInt(3);
        out.write(BITS);
        for (int l : LABELS) {
            out.writeInt(l);
        }
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.toByteArray()));
    }

    @Test
    void lazyFingerprintIsTheSha256OfSizeBitsAndLabels() throws Exception {
        Dataset d = new Dataset(3, 3, BITS, LABELS, "test");
        Dataset copy = d.withOrigin("somewhere", null);
        assertEquals(definition(), copy.fingerprint());
        assertEquals(definition(), d.fingerprint());
        assertEquals(definition(), d.withImageShape(new int[] {1, 3}).fingerprint());
    }

    @Test
    void restoredDatasetKeepsTheStoredFingerprint() throws Exception {
        String stored = definition();
        Dataset d = Dataset.restored(3, 3, BITS, LABELS, "test", stored);
        assertEquals(stored, d.fingerprint());
        assertEquals(new Dataset(3, 3, BITS, LABELS, "test").fingerprint(), d.withOrigin("x", null).fingerprint());
    }

    @Test
    void restoredRejectsWhatIsNotAFingerprint() {
        for (String bad : new String[] {null, "", "sha256:", "sha256:" + "0".repeat(63), "md5:" + "0".repeat(64),
            "sha256:" + "G".repeat(64)}) {
            assertThrows(IllegalArgumentException.class, () -> Dataset.restored(3, 3, BITS, LABELS, "test", bad));
        }
    }
}
