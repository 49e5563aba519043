package org.coex.accel.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.coex.accel.cost.CostError;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.systolic.SystolicTemplate;
import org.coex.accel.workload.Layer;
import org.junit.jupiter.api.Test;

class CheckedTemplateTest {
    static final TechnologyTable TECH = TechnologyTables.preset(TechnologyTables.DEFAULT);
    static final Layer CONV = Layer.conv("conv1", 8, 8, 4, 8, 3, 1, 1);

    /** A template with one deliberate fault, chosen by its {@code fault} parameter. */
    static final class Faulty implements AcceleratorTemplate {
        @Override public String name() { return "faulty"; }

        @Override public String description() { return "returns what its fault parameter says"; }

        @Override public DesignSpace defaultSpace() { return DesignSpace.of(Parameter.of("fault", "none", "nan_energy")); }

        @Override public Accelerator configure(HwConfig config, TechnologyTable technology) {
            String fault = config.stringValue("fault", "none");
            if (fault.equals("refused")) throw new IllegalArgumentException("fault: refused on purpose");
            return new Accelerator() {
                @Override public HwConfig config() { return config; }

                @Override public double clockMhz() { return fault.equals("zero_clock") ? 0 : 500; }

                @Override public Map<String, Double> areaUm2() { return Map.of("array", fault.equals("nan_area") ? Double.NaN : 1000.0); }

                @Override public LayerCost evaluate(Layer layer) {
                    long cycles = fault.equals("negative_cycles") ? -3 : layer.macs();
                    double dram = fault.equals("nan_energy") ? Double.NaN : fault.equals("infinite_energy") ? Double.POSITIVE_INFINITY : 10;
                    return new LayerCost(layer.name(), layer.macs(), cycles, 0, 1, Map.of("dram_words", 4L), Map.of("mac", 1.0, "dram", dram));
                }
            };
        }
    }

    static String error(String fault) {
        AcceleratorTemplate t = Templates.guarded(new Faulty());
        return assertThrows(CostError.class, () -> t.configure(HwConfig.of("fault", fault), TECH).evaluate(CONV)).getMessage();
    }

    @Test
    void everyImpossibleNumberIsOneMessageNamingTemplateConfigurationLayerAndField() {
        assertEquals("template 'faulty' (fault=nan_energy), layer conv1: energy 'dram' (pJ) is NaN; it must be finite and >= 0 (a bug in the template)",
                error("nan_energy"));
        assertTrue(error("infinite_energy").contains("energy 'dram' (pJ) is Infinity"), error("infinite_energy"));
        assertEquals("template 'faulty' (fault=negative_cycles), layer conv1: compute cycles is -3; counts must be >= 0 (a bug in the template)",
                error("negative_cycles"));
        assertEquals("template 'faulty' (fault=nan_area): area 'array' (um^2) is NaN; it must be finite and >= 0", error("nan_area"));
        assertEquals("template 'faulty' (fault=zero_clock): clock is 0.0 MHz; it must be finite and > 0", error("zero_clock"));
    }

    @Test
    void aRefusalStaysARefusalAndSoundNumbersPass() {
        AcceleratorTemplate t = Templates.guarded(new Faulty());
        assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("fault", "refused"), TECH));
        assertEquals(CONV.macs(), t.configure(HwConfig.of("fault", "none"), TECH).evaluate(CONV).cycles());
        assertSame(t, Templates.guarded(t), "guarded once");
        var tech = TECH;
        var builtIn = Templates.guarded(new SystolicTemplate()).configure(HwConfig.of("rows", 8), tech);
        assertTrue(builtIn instanceof org.coex.accel.template.systolic.SystolicAccelerator, "a built-in's accelerator is its own: commands read its figures");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("fualt", "none"), TECH));
        assertEquals("unknown parameter 'fualt' of template 'faulty'; did you mean 'fault'? parameters: fault", e.getMessage());
    }

    /** A plugin that declares its parameters: coex checks kind, allowed values and least value before it runs. */
    static final class Declared implements AcceleratorTemplate {
        @Override public String name() { return "declared"; }

        @Override public String description() { return "declares lanes and mode"; }

        @Override public DesignSpace defaultSpace() { return DesignSpace.of(Parameter.of("lanes", 8, 16)); }

        @Override public java.util.List<ParameterSpec> parameters() {
            return java.util.List.of(ParameterSpec.integer("lanes", 8, 1, "lanes"), ParameterSpec.text("mode", "fast", java.util.List.of("fast", "small"), "mode"));
        }

        @Override public Accelerator configure(HwConfig config, TechnologyTable technology) { return new Faulty().configure(HwConfig.of(), technology); }
    }

    @Test
    void aPluginsDeclaredKindsChoicesAndLeastValuesAreChecked() {
        AcceleratorTemplate t = Templates.guarded(new Declared());
        assertEquals(java.util.List.of("lanes", "mode"), t.parameterNames());
        assertEquals("lanes must be >= 1 (found 0)", assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("lanes", 0), TECH)).getMessage());
        assertEquals("lanes must be a whole number (found 2.5)", assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("lanes", 2.5), TECH)).getMessage());
        assertEquals("mode must be one of fast, small (found turbo)", assertThrows(IllegalArgumentException.class, () -> t.configure(HwConfig.of("mode", "turbo"), TECH)).getMessage());
        t.configure(HwConfig.of("lanes", 16, "mode", "Small"), TECH);
    }

    @Test
    void theBuiltInsDeclareEveryParameterTheyRead() {
        assertEquals(java.util.Set.copyOf(org.coex.accel.template.systolic.SystolicParams.NAMES), java.util.Set.copyOf(new SystolicTemplate().parameterNames()));
        assertEquals(java.util.Set.copyOf(org.coex.accel.template.spatial.SpatialParams.NAMES),
                java.util.Set.copyOf(new org.coex.accel.template.spatial.SpatialTemplate().parameterNames()));
        assertEquals(32, new SystolicTemplate().parameters().get(0).defaultValue());
    }
}
