package org.nelc.analysis.transition;

import org.nelc.analysis.exact.ExactSystem;

/** Test helper: {@link RaoBlackwellVariance} for tests in other packages. */
public final class RaoBlackwellVarianceAccess {
    private RaoBlackwellVarianceAccess() {
    }

    public static double[] perEntry(ExactSystem exact) {
        return RaoBlackwellVariance.perEntry(exact);
    }
}
