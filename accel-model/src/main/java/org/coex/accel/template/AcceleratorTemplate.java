package org.coex.accel.template;

import org.coex.accel.space.DesignSpace;
import org.coex.accel.space.HwConfig;
import org.coex.accel.tech.TechnologyTable;

/**
 * A parametrised accelerator: the extension point of coex. A template declares the parameters a
 * search may vary (with a default space) and turns one configuration into an {@link Accelerator}
 * that costs layers and networks.
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/org.coex.accel.template.AcceleratorTemplate} and give it a public
 * no-argument constructor; a spec then names it by {@link #name()}. See docs/custom-template.md.
 *
 * <p>Contract: {@code configure} is pure (same inputs, equal accelerator) and thread-safe, and the
 * returned accelerator is immutable, so sweeps may evaluate configurations in parallel.
 */
public interface AcceleratorTemplate {

    /** The name specs use, e.g. {@code systolic}. Lower case, no spaces. */
    String name();

    /** One line saying what the template models. */
    String description();

    /** The space searched when a spec gives none. Parameters absent from a config take defaults. */
    DesignSpace defaultSpace();

    /**
     * The parameters {@link #configure} reads, declared: kind, default, allowed values or least value,
     * meaning. coex checks every configuration against them before {@code configure} sees it, and
     * {@code coex templates} lists them. Default: undeclared (only the names are known, from
     * {@link #parameterNames}).
     */
    default java.util.List<ParameterSpec> parameters() { return java.util.List.of(); }

    /**
     * Every parameter {@link #configure} reads. coex refuses a configuration naming any other (a typo in
     * a spec's {@code space} or {@code fixed}, or {@code --set}) with "did you mean" before
     * {@code configure} sees it. Default: the declared {@link #parameters}, else the default space's.
     */
    default java.util.List<String> parameterNames() {
        if (!parameters().isEmpty()) return parameters().stream().map(ParameterSpec::name).toList();
        return defaultSpace().parameters().stream().map(org.coex.accel.space.Parameter::name).toList();
    }

    /**
     * Files of the template's own format describing {@code accelerator} running {@code network} (e.g.
     * a simulator's configuration), by file name; a co-exploration writes them under
     * {@code result/template/} next to the {@code accelerator.json} every template gets. Default: none.
     */
    default java.util.Map<String, byte[]> exportFiles(Accelerator accelerator, org.coex.accel.workload.Network network) {
        return java.util.Map.of();
    }

    /**
     * Binds a configuration and a technology table.
     *
     * @throws IllegalArgumentException naming the parameter if a value is missing, of the wrong type
     *                                  or out of range
     */
    Accelerator configure(HwConfig config, TechnologyTable technology);
}
