package org.nelc.app.baseline;

import java.nio.file.Path;
import java.util.List;
import org.nelc.analysis.baseline.EmSettings;
import org.nelc.analysis.evaluate.EvaluationOptions;
import org.nelc.api.UserError;
import org.nelc.core.train.ModelKind;
import org.nelc.core.train.TrainingConfig;

/**
 * What {@code nelc compare} runs ({@link ComparisonRunner}), validated where it enters, naming the flag.
 *
 * @param neq the nonequilibrium configuration; its RBM counterpart is {@link TrainingConfig#equilibrium()}
 * @param learningRates the learning-rate grid: every trained family (NEQ and each RBM gradient) is
 *     trained at each rate with each of its seeds, and shown at its own best point ({@link LearningRateGrid})
 * @param neqSeeds seeds of the nonequilibrium runs
 * @param rbmSeeds seeds of the RBM runs (may be empty), for each of {@code rbmGradients}
 * @param rbmGradients {@code rbm-pcd} (the usual PCD training) and/or {@code rbm-exact} (exact negative
 *     phase: what the equilibrium model reaches when its chain's mixing does not matter)
 * @param em EM's settings; its {@code components} is replaced by the number of latent states
 * @param evaluation chain length, burn-in and Rao-Blackwell draws (the seed is each run's own)
 * @param threads parallel jobs
 * @param out the output directory
 */
public record ComparisonSettings(TrainingConfig neq, List<Double> learningRates, List<Long> neqSeeds,
        List<Long> rbmSeeds, List<String> rbmGradients, EmSettings em, EvaluationOptions evaluation, int threads,
        Path out) {
    public ComparisonSettings {
        if (learningRates.isEmpty()) {
            throw new UserError("--lr-grid: at least one learning rate");
        }
        for (int k = 0; k < learningRates.size(); k++) {
            double lr = learningRates.get(k);
            if (!(lr > 0) || !Double.isFinite(lr)) {
                throw new UserError("--lr-grid: a learning rate must be a positive finite number, got " + lr);
            }
            if (learningRates.subList(0, k).contains(lr)) {
                throw new UserError("--lr-grid: " + LearningRateGrid.rate(lr) + " is given twice");
            }
        }
        learningRates = List.copyOf(learningRates);
        if (neq.model() != ModelKind.NEQ) {
            throw new UserError("--model: compare trains both models; leave --model at neq");
        }
        if (neqSeeds.isEmpty()) {
            throw new UserError("--seeds: at least one seed");
        }
        if (threads < 1) {
            throw new UserError("--threads: must be at least 1, got " + threads);
        }
        for (String g : rbmGradients) {
            if (!g.startsWith(TrainingConfig.RBM_GRADIENT_PREFIX)) {
                throw new UserError("--rbm-gradient: '" + g + "' is not an RBM gradient (rbm-pcd or rbm-exact)");
            }
        }
        rbmGradients = List.copyOf(rbmGradients);
        neqSeeds = List.copyOf(neqSeeds);
        rbmSeeds = List.copyOf(rbmSeeds);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these components: change some and build a new one. */
    public Builder toBuilder() {
        return builder().neq(neq).learningRates(learningRates).neqSeeds(neqSeeds).rbmSeeds(rbmSeeds)
                .rbmGradients(rbmGradients).em(em).evaluation(evaluation).threads(threads).out(out);
    }

    /** Names every component at the call site. */
    public static final class Builder {
        private TrainingConfig neq;
        private List<Double> learningRates;
        private List<Long> neqSeeds;
        private List<Long> rbmSeeds = List.of();
        private List<String> rbmGradients = List.of();
        private EmSettings em;
        private EvaluationOptions evaluation;
        private int threads = 1;
        private Path out;

        private Builder() {
        }

        public Builder neq(TrainingConfig v) {
            neq = v;
            return this;
        }

        public Builder learningRates(List<Double> v) {
            learningRates = v;
            return this;
        }

        public Builder neqSeeds(List<Long> v) {
            neqSeeds = v;
            return this;
        }

        public Builder rbmSeeds(List<Long> v) {
            rbmSeeds = v;
            return this;
        }

        public Builder rbmGradients(List<String> v) {
            rbmGradients = v;
            return this;
        }

        public Builder em(EmSettings v) {
            em = v;
            return this;
        }

        public Builder evaluation(EvaluationOptions v) {
            evaluation = v;
            return this;
        }

        public Builder threads(int v) {
            threads = v;
            return this;
        }

        public Builder out(Path v) {
            out = v;
            return this;
        }

        public ComparisonSettings build() {
            return new ComparisonSettings(neq, learningRates, neqSeeds, rbmSeeds, rbmGradients, em, evaluation, threads,
                    out);
        }
    }
}