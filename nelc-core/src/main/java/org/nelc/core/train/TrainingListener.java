package org.nelc.core.train;

/** Hears about a training run as it goes (progress bars, history files). Called on the training thread. */
public interface TrainingListener {
    TrainingListener NONE = new TrainingListener() {
    };

    /** After every gradient step. */
    default void onStep(int epoch, long step, long totalSteps) {
    }

    /** After every epoch. */
    default void onEpoch(EpochRecord record) {
    }
}
