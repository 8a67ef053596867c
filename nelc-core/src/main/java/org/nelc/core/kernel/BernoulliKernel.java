package org.nelc.core.kernel;

import org.nelc.api.kernel.VisibleKernel;
import org.nelc.core.math.LogMath;

/**
 * The paper's z→x kernel: independent Bernoulli pixels, {@code p(x_i = 1) = sigmoid(h_i)} (Eq. 10).
 * Stateless, so one instance serves every thread.
 */
public final class BernoulliKernel implements VisibleKernel {
    @Override
    public String name() {
        return "bernoulli";
    }

    @Override
    public String description() {
        return "independent Bernoulli pixels, p(x_i=1|z) = sigmoid((w z + a)_i) (Eq. 10)";
    }

    /** {@code η(h) = h}: the field is the natural parameter (the fast path of every table). */
    @Override
    public boolean canonical() {
        return true;
    }

    @Override
    public double logPartition(double h) {
        return LogMath.softplus(h);
    }

    @Override
    public double mean(double h) {
        return LogMath.sigmoid(h);
    }
}
