package org.nelc.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nelc.api.UserError;
import org.nelc.api.gradient.GradientEstimator;
import org.nelc.api.kernel.LatentKernel;
import org.nelc.api.latent.LatentEncoding;
import org.nelc.core.latent.OneHotEncoding;
import org.nelc.core.plugin.PluginCatalog.Kind;

class PluginCatalogTest {
    /** An encoding that, like a third party's, trusts the API: the normalization is one it listed. */
    private static final class StrictEncoding implements LatentEncoding {
        String received;

        public String name() {
            return "strict";
        }

        public String description() {
            return "one-hot under another name, refusing anything outside normalizations()";
        }

        public List<String> normalizations() {
            return List.of("softmax", "sigmoid-ratio");
        }

        public LatentKernel create(int units, String normalization) {
            received = normalization;
            if (!normalizations().contains(normalization)) {
                throw new IllegalStateException("the API promised one of normalizations(), got " + normalization);
            }
            return new OneHotEncoding().create(units, normalization);
        }
    }

    @Test
    void anOmittedNormalizationIsTheEncodingsDefault() {
        StrictEncoding e = new StrictEncoding();
        PluginCatalog c = new PluginCatalog(Map.of(Kind.ENCODING, Map.of("strict", e)));
        assertEquals("softmax", c.latentKernel("strict", 3, null).normalization());
        assertEquals("softmax", e.received);
        UserError bad = assertThrows(UserError.class, () -> c.latentKernel("strict", 3, "bogus"));
        assertEquals("--normalization: 'bogus' is not a normalization of strict (expected softmax or sigmoid-ratio)",
                bad.getMessage());
    }

    @Test
    void aModelsMissingPluginIsNamedAsSuch() {
        PluginCatalog c = PluginCatalog.discover(getClass().getClassLoader());
        UserError e = assertThrows(UserError.class,
                () -> c.required(Kind.ENCODING, "two-hot", LatentEncoding.class, "runs/a/model.json"));
        assertTrue(e.getMessage().startsWith("runs/a/model.json needs the encoding plugin 'two-hot', and no encoding "
                + "named 'two-hot' is installed (known: bits, one-hot)"), e.getMessage());
    }

    @Test
    void pluginsAreFoundBySpiAndName() {
        PluginCatalog c = PluginCatalog.discover(getClass().getClassLoader());
        assertSame(c.gradient("two-step"), c.get(GradientEstimator.class, "two-step"));
        assertThrows(UserError.class, () -> c.get(GradientEstimator.class, "nope"));
    }
}
