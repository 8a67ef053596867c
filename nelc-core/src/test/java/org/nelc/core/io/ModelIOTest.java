package org.nelc.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nelc.api.UserError;
import org.nelc.core.Fixtures;
import org.nelc.core.plugin.PluginCatalog;
import org.nelc.core.train.Trainer;
import org.nelc.core.train.TrainedModel;
import org.nelc.core.train.TrainingConfig;
import org.nelc.core.train.TrainingListener;

class ModelIOTest {
    private static final PluginCatalog PLUGINS = PluginCatalog.discover(ModelIOTest.class.getClassLoader());

    @TempDir
    Path dir;

    private TrainedModel trained() {
        return new Trainer(PLUGINS).train(TrainingConfig.paper(5).withSchedule(2, 5), Fixtures.dataset(200, 16, 2, 1),
                TrainingListener.NONE);
    }

    @Test
    void reloadGivesIdenticalParametersChainAndConfig() {
        TrainedModel t = trained();
        Path f = dir.resolve("model.json");
        ModelIO.write(f, t);
        ModelFile back = ModelIO.read(f, PLUGINS);
        for (int k = 0; k < 4; k++) {
            assertArrayEquals(t.model().blocks()[k], back.model().blocks()[k], 0.0);
        }
        assertArrayEquals(t.model().centering(), back.model().centering(), 0.0);
        assertEquals(t.config(), back.config());
        assertArrayEquals(t.chain().state(0), back.chainVisible()[0]);
        assertEquals(t.data().fingerprint(), back.data().fingerprint());
        assertEquals(t.optimizerState().length, back.optimizerState().length);
        assertArrayEquals(t.optimizerState()[0], back.optimizerState()[0], 0.0);
        // the file is stable: writing what was read gives the same text
        assertEquals(ModelIO.toJson(back), ModelIO.toJson(back.toBuilder().model(t.model())
                .config(t.config()).data(t.data()).optimizerState(t.optimizerState()).build()));
    }

    @Test
    void badFilesNameTheFileAndField() throws Exception {
        ModelIO.write(dir.resolve("good.json"), trained());
        String good = Files.readString(dir.resolve("good.json"));
        assertBad(good.replaceFirst("\"abar\" : \\[ [^,\\]]+", "\"abar\" : [ NaN"), "abar");
        assertBad(good.replace("\"schemaVersion\" : 1", "\"schemaVersion\" : 7"), "schemaVersion 7");
        assertBad(good.replace("\"visibleSize\" : 16", "\"visibleSize\" : 17"), "has 16 values, expected 17");
        assertBad(good.replace("\"wbar\"", "\"wbarx\""), "parameters.wbar");
        assertBad("{", "not valid JSON at line 1, column 2: unexpected end-of-input");
        UserError missing = assertThrows(UserError.class, () -> ModelIO.read(dir.resolve("none.json"), PLUGINS));
        assertTrue(missing.getMessage().contains("none.json"));
    }

    private void assertBad(String text, String expected) throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, text);
        UserError e = assertThrows(UserError.class, () -> ModelIO.read(f, PLUGINS));
        assertTrue(e.getMessage().contains("bad.json") && e.getMessage().contains(expected), e.getMessage());
    }
}
