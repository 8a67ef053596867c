package org.nelc.app.report;

/** The GIF decoder of {@link ChainAnimationTest} for tests of other packages. */
public final class ChainAnimationTestAccess {
    private ChainAnimationTestAccess() {
    }

    /** The number of frames of a GIF. */
    public static int decode(byte[] gif) throws Exception {
        return ChainAnimationTest.decode(gif).frames().size();
    }
}
