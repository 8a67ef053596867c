package org.nelc.core.io;

import java.util.Map;
import org.nelc.core.model.Model;
import org.nelc.core.train.TrainedModel.DataInfo;
import org.nelc.core.train.TrainingConfig;

/**
 * A model as stored in {@code model.json} (schema in {@code docs/model-json.md}).
 *
 * @param chainVisible the persistent chains' visible states (0/1 bytes), one per chain
 * @param chainRngStates the chains' random-generator states, one per chain (may be empty)
 * @param optimizerState the optimizer's state blocks (may be empty)
 * @param training summary numbers of the run (epochs, steps, seconds, final values)
 */
public record ModelFile(Model model, TrainingConfig config, DataInfo data, byte[][] chainVisible,
        byte[][] chainRngStates, double[][] optimizerState, Map<String, Object> training, String nelcVersion) {
}
