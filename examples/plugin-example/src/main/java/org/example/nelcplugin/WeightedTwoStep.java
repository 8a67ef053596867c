package org.example.nelcplugin;

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
 * The built-in {@code two-step} gradient with its x→z blocks ({@code w̄}, {@code ā}) scaled by the setting
 * {@code latent-weight} (default 1: exactly two-step): {@code --gradient weighted-two-step
 * --gradient-setting latent-weight=0.5}. Shows the two API features a wrapping estimator needs: it obtains
 * the built-in by name ({@link PluginAware}) and takes a setting ({@link #configure}).
 *
 * <p>Thread safety: immutable after {@link #plugins} (the delegate is itself safe for concurrent use),
 * so one instance serves every thread.
 */
public final class WeightedTwoStep implements GradientEstimator, PluginAware {
    static final String WEIGHT = "latent-weight";
    private final double weight;
    private final Settings configuration;
    private GradientEstimator twoStep;

    public WeightedTwoStep() {
        this(1.0, Settings.NONE, null);
    }

    private WeightedTwoStep(double weight, Settings configuration, GradientEstimator twoStep) {
        this.weight = weight;
        this.configuration = configuration;
        this.twoStep = twoStep;
    }

    @Override
    public String name() {
        return "weighted-two-step";
    }

    @Override
    public String description() {
        return "two-step with the x->z gradient blocks times latent-weight (example plugin)";
    }

    @Override
    public void plugins(PluginLookup lookup) {
        twoStep = lookup.get(GradientEstimator.class, "two-step");
    }

    @Override
    public Set<String> settings() {
        return Set.of(WEIGHT);
    }

    @Override
    public GradientEstimator configure(Settings settings) {
        settings.requireOnly("--gradient-setting", name(), settings());
        double w = settings.positive("--gradient-setting", name(), WEIGHT, 1.0);
        return new WeightedTwoStep(w, settings, twoStep);
    }

    @Override
    public Settings configuration() {
        return configuration;
    }

    @Override
    public double estimate(ModelView model, Dataset data, int[] batch, ChainRecord chain, ScoreFactor score,
            double[][] grad) {
        if (twoStep == null) {
            throw new IllegalStateException("weighted-two-step: nelc did not pass the plugin lookup");
        }
        double ll = twoStep.estimate(model, data, batch, chain, score, grad);
        if (weight != 1.0) {
            for (int b : new int[] {ModelView.WBAR, ModelView.ABAR}) {
                double[] g = grad[b];
                for (int i = 0; i < g.length; i++) {
                    g[i] *= weight;
                }
            }
        }
        return ll;
    }
}
