package org.nelc.app.cli;

import com.google.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import org.nelc.api.UserError;
import org.nelc.api.io.AtomicFiles;
import org.nelc.app.report.ChainAnimation;
import org.nelc.app.report.FantasyChain;
import org.nelc.app.report.Headless;
import org.nelc.app.report.ImageShape;
import org.nelc.app.report.Png;
import org.nelc.app.report.SampleGrid;
import org.nelc.core.io.ModelFile;
import org.nelc.core.io.ModelIO;
import org.nelc.core.plugin.PluginCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fantasy samples: run the model's chain from its saved state for N double steps and draw every "
            + "sampled x(t) with its mean image <x(t)> given z(t-1), labeled with t and z(t-1), as a PNG grid "
            + "(--png) and/or an animated, looping GIF, one frame per step (--gif)."})
public final class SampleCommand implements Runnable {
    static final int MAX_STEPS = 10_000;
    static final int MAX_GIF_FRAMES = 1_000;

    @ParentCommand
    NelcCommand root;

    @Parameters(index = "0", paramLabel = "MODEL.json", description = "A model file (nelc train / reproduce).")
    Path model;

    @Option(names = "--steps", paramLabel = "N", description = "Double steps (default: ${DEFAULT-VALUE}).")
    int steps = 48;

    @Option(names = "--png", paramLabel = "FILE", description = "The PNG grid to write.")
    Path png;

    @Option(names = "--gif", paramLabel = "FILE", description = "The animated GIF to write.")
    Path gif;

    @Option(names = "--image-shape", paramLabel = "HxW|none", description = "Draw x as H x W images, or as strips "
            + "(none) (default: the shape model.json records of the data).")
    String imageShape;

    @Option(names = "--seed", description = "Seed of the chain's random stream (default: ${DEFAULT-VALUE}).")
    long seed = 1;

    @Inject
    PluginCatalog plugins;

    @Override
    public void run() {
        Headless.ensure();
        if (steps < 1 || steps > MAX_STEPS) {
            throw new UserError("--steps: must be between 1 and " + MAX_STEPS + ", got " + steps);
        }
        if (gif != null && steps > MAX_GIF_FRAMES) {
            throw new UserError("--steps: an animation has at most " + MAX_GIF_FRAMES + " frames, got " + steps);
        }
        if (png == null && gif == null) {
            throw new UserError("sample: give --png FILE and/or --gif FILE");
        }
        OutputFiles.file("--png", png, model);
        OutputFiles.file("--gif", gif, model);
        root.context().inject(this);
        ModelFile mf = ModelIO.read(model, plugins);
        ImageShape shape = ImageShape.forModel(mf.data(), imageShape, mf.model().visibleSize());
        byte[] start = ShowCommand.startState(mf);
        FantasyChain chain = FantasyChain.run(mf.model(), start, seed, steps);
        String title = String.format(Locale.ROOT, "Fantasy samples of %s — %d double steps, seed %d",
                model.getFileName(), steps, seed);
        if (png != null) {
            Png.write(png, SampleGrid.draw(chain, shape, title));
        }
        if (gif != null) {
            byte[] bytes = ChainAnimation.gif(chain, shape, mf.model().latent().states(), model.getFileName()
                    + ", seed " + seed);
            AtomicFiles.write(gif, out -> out.write(bytes));
        }
        PrintWriter o = root.spec.commandLine().getOut();
        StringBuilder z = new StringBuilder();
        for (int k = 0; k < chain.steps() && k < 200; k++) {
            z.append(k == 0 ? "" : " ").append(chain.latent()[k]);
        }
        o.println("latent states z(0..): " + z + (chain.steps() > 200 ? " …" : ""));
        o.println("wrote " + (png == null ? "" : png + (gif == null ? "" : " and ")) + (gif == null ? "" : gif));
    }
}
