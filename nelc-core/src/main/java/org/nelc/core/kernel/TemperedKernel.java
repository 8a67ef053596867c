package org.nelc.core.kernel;

import java.util.Set;
import org.nelc.api.Settings;
import org.nelc.api.kernel.VisibleKernel;
import org.nelc.core.math.LogMath;

/**
 * Independent Bernoulli pixels at temperature {@code T}: {@code p(x_i = 1 | z) = sigmoid(h_i / T)} with
 * {@code h = w z + a} (Eq. 10 with the field scaled). Natural parameter {@code η = h/T}, slope {@code 1/T},
 * {@code logPartition = softplus(h/T)}. Not in the paper: the first variation of the z→x kernel a user
 * would try. {@code T = 1} is the paper's law (through the general, non-canonical path). Immutable, so
 * one instance serves every thread.
 */
public final class TemperedKernel implements VisibleKernel {
    /** The temperature's setting key ({@code --visible-kernel-setting T=2}). */
    public static final String TEMPERATURE = "T";
    private final double temperature;
    private final double inverse;

    /** The default instance, {@code T = 1}. */
    public TemperedKernel() {
        this(1.0);
    }

    private TemperedKernel(double temperature) {
        this.temperature = temperature;
        this.inverse = 1.0 / temperature;
    }

    @Override
    public String name() {
        return "tempered";
    }

    @Override
    public String description() {
        return "Bernoulli pixels at temperature T: p(x_i=1|z) = sigmoid((w z + a)_i / T); setting T (default 1)";
    }

    public double temperature() {
        return temperature;
    }

    @Override
    public Set<String> settings() {
        return Set.of(TEMPERATURE);
    }

    @Override
    public VisibleKernel configure(Settings settings) {
        settings.requireOnly("--visible-kernel-setting", name(), settings());
        return new TemperedKernel(settings.positive("--visible-kernel-setting", name(), TEMPERATURE, 1.0));
    }

    @Override
    public Settings configuration() {
        return temperature == 1.0 ? Settings.NONE : Settings.of(java.util.Map.of(TEMPERATURE, temperature));
    }

    @Override
    public double natural(double h) {
        return h * inverse;
    }

    @Override
    public double naturalSlope(double h) {
        return inverse;
    }

    @Override
    public double logPartition(double h) {
        return LogMath.softplus(h * inverse);
    }

    @Override
    public double mean(double h) {
        return LogMath.sigmoid(h * inverse);
    }
}
