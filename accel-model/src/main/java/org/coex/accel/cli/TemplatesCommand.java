package org.coex.accel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.coex.accel.space.Parameter;
import org.coex.accel.template.Plugins;
import org.coex.accel.template.Templates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code coex templates}: every installed accelerator template, where it came from, and its default design space. */
@Command(name = "templates", mixinStandardHelpOptions = true,
        header = "List the accelerator templates: built-in and plugins, with their default design spaces.",
        footer = {"", "Plugins: the jars in $COEX_PLUGINS (folders or jars, separated by ':'), ~/.coex/plugins and ./plugins.",
            "Examples:", "  coex templates", "  COEX_PLUGINS=build/libs coex templates"},
        description = "List every installed accelerator template: its name, what it models, where it was loaded from, its default design space and its parameters.")
public final class TemplatesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (var e : Templates.found().entrySet()) {
            var t = e.getValue().template();
            out.printf("%s: %s%n  from: %s%n  default space (%,d configurations):%n", e.getKey(), t.description(), e.getValue().origin(), t.defaultSpace().size());
            for (Parameter p : t.defaultSpace().parameters()) out.printf("    %-22s %s%n", p.name(), p.values());
            if (!t.parameters().isEmpty()) {
                out.printf("  parameters (default; allowed):%n");
                for (var p : t.parameters()) out.printf("    %-22s %s; %s  %s%n", p.name(), p.defaultValue(), p.describeRange(), p.meaning());
            } else {
                out.printf("  parameters: %s (not declared further)%n", String.join(", ", t.parameterNames()));
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        for (String b : Templates.broken()) err.println("warning: " + b);
        out.println("plugin folders: " + String.join(", ", Plugins.places().stream().map(Path::toString).toList()));
        return 0;
    }
}
