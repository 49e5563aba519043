package org.coex.accel.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.coex.accel.spec.SpecException;
import org.coex.accel.template.systolic.Dataflow;
import org.coex.accel.template.systolic.SystolicParams;
import org.junit.jupiter.api.Test;

class ScaleSimConfigsTest {

    @Test
    void readsScaleSimsExampleConfig() {
        ScaleSimConfig c = ScaleSimConfigs.read(ScaleSimGoldenTest.resource("configs/eyeriss.cfg"));
        assertEquals(new ScaleSimConfig("eyeriss", 12, 14, 36, 36, 36, Dataflow.WS, 0), c);
        SystolicParams p = c.toParams();
        assertEquals(true, p.scaleSimCompatible());
        assertEquals(1, p.wordBytes());
    }

    @Test
    void writtenConfigReadsBackToTheSameArray() {
        SystolicParams p = new SystolicParams(16, 8, Dataflow.IS, 128, 64, 32, 0, 700, 1, false);
        String text = ScaleSimConfigs.write(p, "coex_run");
        ScaleSimConfig back = ScaleSimConfigs.parse("x.cfg", text.lines().toList());
        assertEquals(new ScaleSimConfig("coex_run", 16, 8, 128, 64, 32, Dataflow.IS, 0), back);
        SystolicParams user = new SystolicParams(16, 8, Dataflow.IS, 128, 64, 32, 20, 700, 1, false);
        assertEquals(20.0, ScaleSimConfigs.parse("x.cfg", ScaleSimConfigs.write(user, "r").lines().toList()).userBandwidth());
    }

    @Test
    void fractionalSramSizesCannotBeExported() {
        SystolicParams p = new SystolicParams(16, 8, Dataflow.IS, 0.5, 64, 32, 0, 700, 1, false);
        assertThrows(IllegalArgumentException.class, () -> ScaleSimConfigs.write(p, "r"));
    }

    @Test
    void reportsEveryProblemWithItsLine() {
        List<String> cfg = List.of("[general]", "run_name = r", "[architecture_presets]", "ArrayHeight: 0", "ArrayWidth: wide",
                "IfmapSramSzkB: 64", "FilterSramSzkB: 64", "Dataflow : rs", "FilterOffset: 10000000 ]]{", "OfmapOffset: -2", "[run_presets]",
                "InterfaceBandwidth: CALC");
        SpecException e = assertThrows(SpecException.class, () -> ScaleSimConfigs.parse("c.cfg", cfg));
        List<String> lines = e.problems().stream().map(Object::toString).toList();
        assertEquals(List.of("c.cfg:4: ArrayHeight: must be >= 1 (found 0)",
                "c.cfg:5: ArrayWidth: must be a whole number (found 'wide')",
                "c.cfg: OfmapSramSzkB: missing; add 'OfmapSramSzkB: <whole number>' under [architecture_presets]",
                "c.cfg:9: FilterOffset: must be a whole number >= 0 (found '10000000 ]]{'); SCALE-Sim reads it as an address",
                "c.cfg:10: OfmapOffset: must be a whole number >= 0 (found '-2'); SCALE-Sim reads it as an address",
                "c.cfg:8: Dataflow: unknown dataflow 'rs'; use os, ws or is"), lines);
    }

    @Test
    void anIndentedLineContinuesTheKeyAboveAsConfigparserReadsIt() {
        List<String> cfg = List.of("[general]", "run_name = r", "[architecture_presets]", "ArrayHeight: 8", "ArrayWidth: 8", "IfmapSramSzkB: 64",
                "FilterSramSzkB: 64", "\tOfmapSramSzkB: 64", "Dataflow : os", "[run_presets]", "InterfaceBandwidth: CALC");
        SpecException e = assertThrows(SpecException.class, () -> ScaleSimConfigs.parse("c.cfg", cfg));
        assertEquals("c.cfg:8: filtersramszkb: this indented line continues the value of 'filtersramszkb' (line 7) as configparser reads it; "
                + "start it at the beginning of the line", e.problems().get(0).toString());
    }

    @Test
    void aMisspeltKeyIsOneProblemAndAnUnknownOneIsIgnoredAsConfigparserDoes() {
        List<String> cfg = List.of("[general]", "run_nam = r", "[architecture_presets]", "ArrayHieght: 8", "ArrayWidth: 8", "IfmapSramSzkB: 64",
                "FilterSramSzkB: 64", "OfmapSramSzkB: 64", "Dataflow : os", "SomethingNew: 3", "[run_presets]", "InterfaceBandwidth: CALC");
        SpecException e = assertThrows(SpecException.class, () -> ScaleSimConfigs.parse("c.cfg", cfg));
        assertEquals(List.of("c.cfg:2: run_nam: unknown key; did you mean 'run_name'?", "c.cfg:4: arrayhieght: unknown key; did you mean 'ArrayHeight'?"),
                e.problems().stream().map(Object::toString).toList());
    }

    @Test
    void anEmptyConfigIsOneProblem() {
        SpecException e = assertThrows(SpecException.class, () -> ScaleSimConfigs.parse("c.cfg", List.of("", " ")));
        assertEquals(1, e.problems().size());
    }
}
