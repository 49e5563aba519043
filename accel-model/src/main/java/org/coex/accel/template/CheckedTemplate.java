package org.coex.accel.template;

import java.util.Map;
import org.coex.accel.cost.CostError;
import org.coex.accel.cost.LayerCost;
import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;
import org.coex.accel.workload.Layer;

/**
 * A template as coex hands it out. Every template's configurations are checked for parameter names
 * it does not declare ({@link AcceleratorTemplate#parameterNames}: an {@link IllegalArgumentException}
 * with "did you mean", before the template sees them); a plugin's values also against its declared
 * {@link AcceleratorTemplate#parameters} (kind, allowed values, least value). A template from outside coex also has its
 * numbers guarded where they enter coex: the clock must be finite and > 0, every area component and
 * (by {@link LayerCost}) every count and energy finite and >= 0, or a {@link CostError} names the
 * template, the configuration, the layer and the field. A configuration the template refuses
 * ({@link IllegalArgumentException}) passes through as a refusal. A built-in template's accelerators
 * are its own (commands read their SCALE-Sim and Timeloop figures).
 */
final class CheckedTemplate implements AcceleratorTemplate {
    private final AcceleratorTemplate template;
    private final boolean guardNumbers;

    CheckedTemplate(AcceleratorTemplate template, boolean guardNumbers) {
        this.template = template;
        this.guardNumbers = guardNumbers;
    }

    @Override public String name() { return template.name(); }

    @Override public String description() { return template.description(); }

    @Override public DesignSpace defaultSpace() { return template.defaultSpace(); }

    @Override public java.util.List<String> parameterNames() { return template.parameterNames(); }

    @Override public java.util.List<ParameterSpec> parameters() { return template.parameters(); }

    @Override public Map<String, byte[]> exportFiles(Accelerator accelerator, org.coex.accel.workload.Network network) {
        return template.exportFiles(accelerator, network);
    }

    /** The template as loaded. */
    AcceleratorTemplate unguarded() { return template; }

    @Override public Accelerator configure(HwConfig config, TechnologyTable technology) {
        java.util.List<String> known = template.parameterNames();
        for (String k : config.values().keySet()) {
            if (!known.contains(k)) {
                throw new IllegalArgumentException("unknown parameter '" + k + "' of template '" + template.name() + "'; "
                        + org.coex.accel.spec.SpecNode.closest(k, known).map(c -> "did you mean '" + c + "'? ").orElse("")
                        + "parameters: " + String.join(", ", known));
            }
        }
        for (ParameterSpec p : guardNumbers ? template.parameters() : java.util.List.<ParameterSpec>of()) {   // the built-ins check their own values
            if (!config.values().containsKey(p.name())) continue;
            String problem = p.problem(config.values().get(p.name()));
            if (problem != null) throw new IllegalArgumentException(p.name() + " " + problem);
        }
        Accelerator acc = template.configure(config, technology);
        if (!guardNumbers) return acc;
        String where = "template '" + template.name() + "' (" + config + ")";
        double clock = acc.clockMhz();
        if (!(clock > 0) || Double.isInfinite(clock)) throw new CostError(where + ": clock is " + clock + " MHz; it must be finite and > 0");
        for (Map.Entry<String, Double> a : acc.areaUm2().entrySet()) CostError.amount(where, "area '" + a.getKey() + "' (um^2)", a.getValue());
        return new Accelerator() {
            @Override public HwConfig config() { return acc.config(); }

            @Override public double clockMhz() { return clock; }

            @Override public Map<String, Double> areaUm2() { return acc.areaUm2(); }

            @Override public LayerCost evaluate(Layer layer) {
                try {
                    return acc.evaluate(layer);
                } catch (CostError e) {
                    throw new CostError(where + ", layer " + e.getMessage() + " (a bug in the template)");
                }
            }
        };
    }
}
