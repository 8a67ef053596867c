package org.nelc.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nelc.api.UserError;

class GridAxisTest {
    @Test
    void axesSplitOnCommaOrOnSemicolonForListFlags() {
        assertEquals(List.of("0.03", "0.1"), GridAxis.parse("lr=0.03,0.1").values());
        assertEquals("lr", GridAxis.parse("--lr=0.1").name());
        assertEquals(List.of("0,1", "0,1,2"), GridAxis.parse("classes=0,1;0,1,2").values());
        assertTrue(assertThrows(UserError.class, () -> GridAxis.parse("lr")).getMessage().contains("NAME=V1,V2"));
        assertTrue(assertThrows(UserError.class, () -> GridAxis.parse("lr=0.1,0.1")).getMessage().contains("twice"));
        assertTrue(assertThrows(UserError.class, () -> GridAxis.parse("lr=0.1,")).getMessage().contains("empty"));
        String msg = assertThrows(UserError.class, () -> GridAxis.parse("temperature=1,2")).getMessage();
        assertTrue(msg.contains("unknown axis 'temperature'") && msg.contains("chain-steps"), msg);
    }

    @Test
    void canonicalMapRoundTrips() {
        var options = TrainingFlags.parse(List.of("--lr", "0.10", "--digits", "2,0", "--optimizer-setting",
                "eps=1e-6", "--optimizer-setting", "decay=0.8", "--no-centering"));
        var canon = TrainingFlags.canonical(options);
        assertEquals("0.1", canon.get("lr"));
        assertEquals("2,0", canon.get("classes"));
        assertEquals("decay=0.8,eps=1.0E-6", canon.get("optimizer-setting"));
        assertEquals("true", canon.get("no-centering"));
        assertEquals(canon, TrainingFlags.canonical(TrainingFlags.parse(canon)));
        assertEquals(options.config(), TrainingFlags.parse(canon).config());
    }
}
