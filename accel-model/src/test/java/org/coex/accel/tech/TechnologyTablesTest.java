package org.coex.accel.tech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.coex.accel.spec.SpecException;
import org.coex.accel.spec.YamlDocument;
import org.junit.jupiter.api.Test;

class TechnologyTablesTest {

    @Test
    void presetsCarryThePublishedFigures() {
        TechnologyTable t45 = TechnologyTables.preset("accelergy-45nm");
        assertEquals(0.315, t45.macPj(8));                     // published for 8-bit operands
        assertEquals(0.315 * 2, t45.macPj(16));                // energies scale with operand width
        assertEquals(128, t45.dramPj(16));                     // 512 pJ per 64-bit access
        assertEquals(32.38 / 4, t45.sramReadPj(131072, 16), 1e-12);
        assertEquals(429745.6, t45.sramAreaUm2(131072), 1e-6);
        for (String p : TechnologyTables.PRESETS) assertEquals(p, TechnologyTables.preset(p).name());
    }

    @Test
    void eyerissNormalizedSramRisesLinearlyFromOneToSixMacs() {
        TechnologyTable t = TechnologyTables.preset("eyeriss-65nm-normalized");
        double mac = t.macPj(16);
        assertEquals(1.0, t.sramReadPj(512, 16) / mac, 1e-9);
        assertEquals(6.0, t.sramReadPj(102400, 16) / mac, 1e-9);
        assertEquals(3.5, t.sramReadPj((512 + 102400) / 2.0, 16) / mac, 1e-9);   // linear in size
        assertEquals(200, t.dramPj(16) / mac, 1e-9);
    }

    @Test
    void log2InterpolationAndSqrtExtrapolation() {
        TechnologyTable t = TechnologyTables.preset("accelergy-45nm");
        double mid = t.sramReadPj(Math.sqrt(384.0 * 131072), 16);   // geometric middle
        assertEquals((0.680 + 8.095) / 2, mid, 1e-9);
        assertEquals(8.095 * 2, t.sramReadPj(4 * 131072, 16), 1e-9);   // 4x the size: sqrt(4) x energy
        assertTrue(t.sramReadPj(64, 16) < 0.680);
    }

    @Test
    void userTablesAreCheckedKeyByKey() {
        SpecException e = assertThrows(SpecException.class, () -> TechnologyTables.parse(YamlDocument.parse(Path.of("t.yaml"), """
                name: mine
                word_bits: 8
                mac: {energy_pj: -1, area_um2: 10}
                register: {energy_pj: 0.1}
                dram: {energy_pj_per_word: 10}
                sram: []
                """)));
        assertEquals(3, e.problems().size(), e.problems().toString());
    }
}
