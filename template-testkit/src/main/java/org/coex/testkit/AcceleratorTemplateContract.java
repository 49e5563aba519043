package org.coex.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.cost.Metrics;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.tech.TechnologyTables;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.workload.Layer;
import org.junit.jupiter.api.Test;

/**
 * The contract every accelerator template keeps, as JUnit 5 tests a template's author inherits:
 * <pre>
 * class MyTemplateContractTest extends AcceleratorTemplateContract {
 *     &#64;Override protected AcceleratorTemplate template() { return new MyTemplate(); }
 * }
 * </pre>
 * Checked on every configuration of the default space (at most {@link #maxConfigurations()}, spread
 * evenly) and a set of layer shapes (convolutions, depthwise, pointwise, fully connected; override
 * {@link #layers()}): every cost finite and >= 0 (a refused configuration is allowed); MACs as the
 * layer has them; the same configuration costs the same twice; the declared parameter names cover
 * the default space; and, for each parameter named by {@link #fasterWithMore()}, a larger value
 * never makes a layer take more cycles.
 */
public abstract class AcceleratorTemplateContract {
    /** The template under test. */
    protected abstract AcceleratorTemplate template();

    /** The technology table the costs are taken with. */
    protected TechnologyTable technology() { return TechnologyTables.preset(TechnologyTables.DEFAULT); }

    /** Parameters whose larger values the template promises never slow a layer down (e.g. rows, lanes); none by default. */
    protected List<String> fasterWithMore() { return List.of(); }

    /** At most this many configurations of the default space are visited. */
    protected int maxConfigurations() { return 200; }

    /** The layers every configuration costs. */
    protected List<Layer> layers() {
        return List.of(Layer.conv("conv3x3", 14, 14, 16, 32, 3, 1, 1), Layer.conv("conv_stride2", 28, 28, 3, 16, 3, 2, 1),
                Layer.depthwise("depthwise", 14, 14, 48, 5, 1, 2), Layer.pointwise("pointwise", 7, 7, 64, 96), Layer.fullyConnected("fc", 256, 10));
    }

    private List<HwConfig> configurations() {
        DesignSpace space = template().defaultSpace();
        long n = space.size();
        int visit = (int) Math.min(n, maxConfigurations());
        List<HwConfig> out = new ArrayList<>();
        for (int i = 0; i < visit; i++) out.add(space.point(i * n / visit));
        return out;
    }

    private Accelerator configureOrNull(HwConfig c) {
        try {
            return template().configure(c, technology());
        } catch (IllegalArgumentException refused) {
            return null;
        }
    }

    @Test
    void theDeclaredParametersCoverTheDefaultSpace() {
        AcceleratorTemplate t = template();
        assertTrue(t.name() != null && t.name().matches("[a-z0-9_-]+"), "name() must be lower case, no spaces: " + t.name());
        for (Parameter p : t.defaultSpace().parameters()) {
            assertTrue(t.parameterNames().contains(p.name()), "default-space parameter '" + p.name() + "' is not in parameterNames() " + t.parameterNames());
        }
    }

    @Test
    void everyCostIsFiniteAndNonNegativeAndMacsAreTheLayers() {
        int costed = 0;
        for (HwConfig c : configurations()) {
            Accelerator acc = configureOrNull(c);
            if (acc == null) continue;
            assertTrue(acc.clockMhz() > 0 && Double.isFinite(acc.clockMhz()), c + ": clock " + acc.clockMhz());
            acc.areaUm2().forEach((k, v) -> assertTrue(v >= 0 && Double.isFinite(v), c + ": area " + k + " = " + v));
            for (Layer l : layers()) {
                LayerCost lc;
                try {
                    lc = acc.evaluate(l);
                } catch (IllegalArgumentException refused) {
                    continue;
                }
                costed++;
                assertEquals(l.macs(), lc.macs(), c + " " + l.name() + ": MACs");
                assertTrue(lc.cycles() > 0, c + " " + l.name() + ": cycles " + lc.cycles());
                lc.energyPj().forEach((k, v) -> assertTrue(v >= 0 && Double.isFinite(v), c + " " + l.name() + ": energy " + k + " = " + v));
                Metrics m = acc.evaluate(new org.coex.accel.workload.Network("one", List.of(l))).metrics();
                assertTrue(Double.isFinite(m.latencyMs()) && Double.isFinite(m.energyUj()) && Double.isFinite(m.areaMm2()), c + " " + l.name() + ": " + m);
            }
        }
        assertTrue(costed > 0, "no configuration of the default space costed any layer");
    }

    @Test
    void theSameConfigurationCostsTheSame() {
        for (HwConfig c : configurations().subList(0, Math.min(20, configurations().size()))) {
            Accelerator a = configureOrNull(c);
            Accelerator b = configureOrNull(c);
            assertEquals(a == null, b == null, c + ": refused once, not twice");
            if (a == null) continue;
            for (Layer l : layers()) assertEquals(costOrRefusal(a, l), costOrRefusal(b, l), c + " " + l.name());
        }
    }

    private static Object costOrRefusal(Accelerator acc, Layer l) {
        try {
            return acc.evaluate(l);
        } catch (IllegalArgumentException refused) {
            return "refused: " + refused.getMessage();
        }
    }

    @Test
    void moreOfAFasterWithMoreParameterNeverSlowsALayer() {
        DesignSpace space = template().defaultSpace();
        for (String name : fasterWithMore()) {
            Parameter p = space.parameters().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElseThrow(() -> new AssertionError("fasterWithMore() names '" + name + "', not a parameter of the default space"));
            for (HwConfig base : configurations().subList(0, Math.min(30, configurations().size()))) {
                long previous = -1;
                for (Object v : p.values().stream().sorted((x, y) -> Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue())).toList()) {
                    Accelerator acc = configureOrNull(base.with(name, v));
                    if (acc == null) continue;
                    long cycles = 0;
                    for (Layer l : layers()) cycles += acc.evaluate(l).cycles();
                    assertTrue(previous < 0 || cycles <= previous, base + ": " + name + " = " + v + " takes " + cycles + " cycles, more than with a smaller value (" + previous + ")");
                    previous = cycles;
                }
            }
        }
    }
}
