package org.nelc.app.testplugin;

import java.util.Set;
import org.nelc.api.PluginAware;
import org.nelc.api.PluginLookup;
import org.nelc.api.Settings;
import org.nelc.api.data.Dataset;
import org.nelc.api.gradient.ChainRecord;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.latent.ScoreFactor;
import org.nelc.api.model.ModelView;

/**
 * A test-only plugin on the test class path: the built-in two-step, obtained by name, times the setting
 * {@code scale} (default 1, which changes no bit).
 */
public final class ScaledTwoStep implements GradientEstimator, PluginAware {
    private final double scale;
    private final Settings configuration;
    private GradientEstimator twoStep;

    public ScaledTwoStep() {
        this(1.0, Settings.NONE, null);
    }

    private ScaledTwoStep(double scale, Settings configuration, GradientEstimator twoStep) {
        this.scale = scale;
        this.configuration = configuration;
        this.twoStep = twoStep;
    }

    @Override
    public String name() {
        return "test-scaled-two-step";
    }

    @Override
    public String description() {
        return "test plugin: two-step times a setting";
    }

    @Override
    public void plugins(PluginLookup lookup) {
        twoStep = lookup.get(GradientEstimator.class, "two-step");
    }

    @Override
    public Set<String> settings() {
        return Set.of("scale");
    }

    @Override
    public GradientEstimator configure(Settings settings) {
        settings.requireOnly("--gradient-setting", name(), settings());
        return new ScaledTwoStep(settings.positive("--gradient-setting", name(), "scale", 1.0), settings, twoStep);
    }

    @Override
    public Settings configuration() {
        return configuration;
    }

    @Override
    public double estimate(ModelView model, Dataset data, int[] batch, ChainRecord chain, ScoreFactor score,
            double[][] grad) {
        double ll = twoStep.estimate(model, data, batch, chain, score, grad);
        for (double[] g : grad) {
            for (int i = 0; i < g.length; i++) {
                g[i] *= scale;
            }
        }
        return ll;
    }
}
