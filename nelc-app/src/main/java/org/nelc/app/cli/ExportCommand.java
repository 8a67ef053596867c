package org.nelc.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.nelc.analysis.evaluate.Evaluation;
import org.nelc.api.UserError;
import org.nelc.app.experiment.EnsembleLayout;
import org.nelc.app.rundir.ModelEvaluations;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.model.Model;
import org.nelc.data.numpy.NpzWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write a model as a NumPy .npz archive (np.load reads it): w (D x L), a (D), wbar (L x D), "
            + "abar (L), centering (D), chain_x (K x D uint8, the persistent chains' visible states), chain_rng "
            + "(K x 32 uint8, their XoShiRo256++ states), pbar (the latent occupancy of evaluation.json, when there "
            + "is one), image_shape (when known) and config (the model's settings and data provenance as a JSON "
            + "string). docs/python.md shows how to compute log p(x) and run the chain with NumPy."})
public final class ExportCommand implements Runnable {
    @ParentCommand
    NelcCommand root;

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model file.")
    Path model;

    @Option(names = "--npz", paramLabel = "FILE", required = true, description = "The archive to write.")
    Path npz;

    @Option(names = "--evaluation", paramLabel = "FILE", description = "Take pbar from this evaluation.json (default: "
            + "the one beside the model, if any).")
    Path evaluationFile;

    @Override
    public void run() {
        OutputFiles.file("--npz", npz, model, evaluationFile);
        ModelFile mf = ModelIO.read(model, root.context().plugins());
        Model m = mf.model();
        int d = m.visibleSize();
        int l = m.units();
        NpzWriter out = new NpzWriter()
                // the layouts of model.json are already C order: w[i·L + β] is (D, L), w̄[β·D + i] is (L, D)
                .doubles("w", new long[] {d, l}, m.w())
                .doubles("a", new long[] {d}, m.a())
                .doubles("wbar", new long[] {l, d}, m.wbar())
                .doubles("abar", new long[] {l}, m.abar())
                .doubles("centering", new long[] {d}, m.centering());
        byte[][] chains = mf.chainVisible();
        byte[] x = new byte[chains.length * d];
        for (int k = 0; k < chains.length; k++) {
            System.arraycopy(chains[k], 0, x, k * d, d);
        }
        out.bytes("chain_x", new long[] {chains.length, d}, x);
        byte[][] rng = mf.chainRngStates();
        if (rng.length > 0) {
            byte[] all = new byte[rng.length * rng[0].length];
            for (int k = 0; k < rng.length; k++) {
                System.arraycopy(rng[k], 0, all, k * rng[0].length, rng[0].length);
            }
            out.bytes("chain_rng", new long[] {rng.length, rng[0].length}, all);
        }
        Evaluation ev = evaluation();
        if (ev != null) {
            if (ev.occupancy().length != m.latent().states()) {
                throw new UserError(evaluationFile + ": occupancy of " + ev.occupancy().length + " states, the model has "
                        + m.latent().states());
            }
            out.doubles("pbar", new long[] {ev.occupancy().length}, ev.occupancy());
        }
        if (mf.data() != null && mf.data().imageShape() != null && !mf.data().imageShape().isEmpty()) {
            List<Integer> s = mf.data().imageShape();
            out.longs("image_shape", new long[] {2}, new long[] {s.get(0), s.get(1)});
        }
        out.string("config", configJson());
        try {
            out.write(npz);
        } catch (IOException e) {
            throw new UserError(npz + ": cannot write (" + e.getMessage() + ")");
        }
        PrintWriter o = root.spec.commandLine().getOut();
        o.println("wrote " + npz + (ev == null ? " (no evaluation.json: no pbar)" : ""));
    }

    private Evaluation evaluation() {
        Path beside = model.toAbsolutePath().resolveSibling(EnsembleLayout.EVALUATION_FILE);
        if (evaluationFile == null && Files.isRegularFile(beside)) {
            evaluationFile = beside;
        }
        return ModelEvaluations.forReader(model, evaluationFile == beside ? null : evaluationFile,
                root.spec.commandLine().getErr(), "no pbar");
    }

    /** model.json without the large blocks: schema, model, config, data, training. */
    private String configJson() {
        try {
            ObjectMapper json = new ObjectMapper();
            ObjectNode root = (ObjectNode) json.readTree(Files.readString(model));
            root.remove(List.of("parameters", "centering", "chain", "optimizerState"));
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new UserError(model + ": cannot read (" + e.getMessage() + ")");
        }
    }
}
