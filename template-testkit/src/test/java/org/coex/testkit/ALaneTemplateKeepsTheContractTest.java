package org.coex.testkit;

import java.util.List;
import java.util.Map;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.space.Parameter;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.template.Accelerator;
import org.coex.accel.template.AcceleratorTemplate;
import org.coex.accel.workload.Layer;

/** What an author writes: a small template and the contract, with a monotone parameter declared. */
class ALaneTemplateKeepsTheContractTest extends AcceleratorTemplateContract {
    static final class Lanes implements AcceleratorTemplate {
        @Override public String name() { return "lanes"; }

        @Override public String description() { return "MACs spread over lanes"; }

        @Override public DesignSpace defaultSpace() { return DesignSpace.of(Parameter.of("lanes", 8, 32, 128)); }

        @Override public Accelerator configure(HwConfig config, TechnologyTable tech) {
            int lanes = config.intValue("lanes", 8);
            return new Accelerator() {
                @Override public HwConfig config() { return config; }

                @Override public double clockMhz() { return 800; }

                @Override public Map<String, Double> areaUm2() { return Map.of("lanes", lanes * tech.macAreaUm2(8)); }

                @Override public LayerCost evaluate(Layer l) {
                    long cycles = (l.macs() + lanes - 1) / lanes;
                    return new LayerCost(l.name(), l.macs(), cycles, 0, l.macs() / (double) (cycles * lanes), Map.of(), Map.of("mac", l.macs() * tech.macPj(8)));
                }
            };
        }
    }

    @Override protected AcceleratorTemplate template() { return new Lanes(); }

    @Override protected List<String> fasterWithMore() { return List.of("lanes"); }
}
