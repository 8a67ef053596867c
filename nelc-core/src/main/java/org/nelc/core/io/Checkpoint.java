package org.nelc.core.io;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.rng.core.RandomProviderDefaultState;
import org.nelc.api.UserError;
import org.nelc.core.chain.PersistentChain;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.TrainedModel.DataInfo;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingSession;
import org.nelc.core.Version;

/**
 * {@code checkpoint.json}: a training session between two epochs, from which {@code train --resume}
 * continues bit-identically. It is a {@code model.json} (so every reader of models reads it) whose
 * {@code training.resume} object adds the session's {@link TrainingSession.Position}: the next epoch, the
 * steps taken, the minibatch stream's state and permutation (base64, big-endian ints) and the seconds spent.
 * A {@link #snapshot} copies everything when it is taken, so it can be written later from another thread
 * (the INT/TERM hook) while training goes on.
 */
public final class Checkpoint {
    public static final String FILE = "checkpoint.json";

    private Checkpoint() {
    }

    /** A copy of {@code session} as it stands between two epochs. */
    public static ModelFile snapshot(TrainingSession session, TrainingConfig config, DataInfo data) {
        PersistentChain chain = session.chain();
        byte[][] vis = new byte[chain.chains()][];
        byte[][] rng = new byte[chain.chains()][];
        for (int k = 0; k < chain.chains(); k++) {
            vis[k] = chain.state(k);
            rng[k] = ((RandomProviderDefaultState) chain.stream(k).saveState()).getState();
        }
        TrainingSession.Position at = session.position();
        ByteBuffer perm = ByteBuffer.allocate(4 * at.permutation().length);
        perm.asIntBuffer().put(at.permutation());
        Map<String, Object> resume = new LinkedHashMap<>();
        resume.put("nextEpoch", at.nextEpoch());
        resume.put("steps", at.steps());
        resume.put("seconds", at.seconds());
        resume.put("batchRngState", Base64.getEncoder().encodeToString(at.batchRngState()));
        resume.put("permutation", Base64.getEncoder().encodeToString(perm.array()));
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("epochs", at.nextEpoch() - 1);
        training.put("steps", at.steps());
        training.put("seconds", at.seconds());
        training.put("resume", resume);
        double[][] opt = session.optimizer().state();
        double[][] optCopy = new double[opt.length][];
        for (int i = 0; i < opt.length; i++) {
            optCopy[i] = opt[i].clone();
        }
        return ModelFile.builder().model(session.model().copy()).config(config).data(data).chainVisible(vis)
                .chainRngStates(rng).optimizerState(optCopy).training(training).nelcVersion(Version.VERSION).build();
    }

    /** The epochs a snapshot has completed. */
    public static int epochsDone(ModelFile snapshot) {
        return ((Number) snapshot.training().get("epochs")).intValue();
    }

    /** Writes {@code snapshot} to {@code dir/checkpoint.json}, atomically and durably. */
    public static void write(Path dir, ModelFile snapshot) {
        ModelIO.write(dir.resolve(FILE), snapshot);
    }

    /** Reads {@code dir/checkpoint.json}; a one-line error when there is none or it is not a checkpoint. */
    public static ModelFile read(Path dir, PluginCatalog plugins) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new UserError("--resume: " + dir + " has no " + FILE + " (a finished run keeps model.json only;"
                    + " a run that never reached its first checkpoint must be started again)");
        }
        ModelFile mf = ModelIO.read(file, plugins);
        if (!(mf.training().get("resume") instanceof Map<?, ?>)) {
            throw new UserError(file + ": missing field 'training.resume' (not a checkpoint)");
        }
        return mf;
    }

    /** Puts {@code session} (started from the checkpoint's configuration and data) where {@code mf} left it. */
    public static void restore(TrainingSession session, ModelFile mf, Path file) {
        Map<?, ?> r = (Map<?, ?>) mf.training().get("resume");
        try {
            byte[] permBytes = Base64.getDecoder().decode((String) r.get("permutation"));
            int[] perm = new int[permBytes.length / 4];
            ByteBuffer.wrap(permBytes).asIntBuffer().get(perm);
            TrainingSession.Position at = new TrainingSession.Position(((Number) r.get("nextEpoch")).intValue(),
                    ((Number) r.get("steps")).longValue(),
                    Base64.getDecoder().decode((String) r.get("batchRngState")), perm,
                    ((Number) r.get("seconds")).doubleValue());
            session.resume(at, mf.model().blocks(), mf.optimizerState(), mf.chainVisible(), mf.chainRngStates());
        } catch (UserError e) {
            throw new UserError(file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new UserError(file + ": field 'training.resume' is damaged (" + e.getMessage() + ")");
        }
    }
}
