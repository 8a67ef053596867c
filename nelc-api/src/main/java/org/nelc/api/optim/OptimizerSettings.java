package org.nelc.api.optim;

import java.util.Map;
import java.util.TreeMap;
import org.nelc.api.UserError;

/**
 * Hyperparameters of an optimizer: the learning rate and named extras (e.g. {@code decay},
 * {@code eps}, {@code beta1}, {@code beta2}, {@code momentum}); an optimizer takes the extras it knows
 * and refuses those it does not.
 */
public record OptimizerSettings(double learningRate, Map<String, Double> extras) {
    public OptimizerSettings {
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            throw new UserError("--lr: the learning rate must be a positive finite number, got " + learningRate);
        }
        extras = Map.copyOf(new TreeMap<>(extras));
        for (var e : extras.entrySet()) {
            if (!Double.isFinite(e.getValue())) {
                throw new UserError("optimizer setting " + e.getKey() + ": not a finite number: " + e.getValue());
            }
        }
    }

    public static OptimizerSettings of(double learningRate) {
        return new OptimizerSettings(learningRate, Map.of());
    }

    public double extra(String key, double fallback) {
        return extras.getOrDefault(key, fallback);
    }
}
