package org.coex.accel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.coex.accel.Provenance;
import org.coex.accel.interop.OutputDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code coex new-template NAME}: a buildable Maven project of a new accelerator template (pom with
 * coex's coordinates and scopes, a working template class, its services entry, the contract test,
 * a README), which builds offline against the coex artifacts {@code mvn install} put in the local repository.
 */
@Command(name = "new-template", mixinStandardHelpOptions = true,
        header = "Write a Maven project for a new accelerator template: class, services entry, contract test.",
        footer = {"", "Examples:", "  coex new-template simd", "  cd simd-template && mvn -o package && cp target/*.jar ~/.coex/plugins/"},
        description = "Write a buildable Maven project for a new accelerator template (docs/custom-template.md).")
public final class NewTemplateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "NAME", description = "the template's name in specs: lower case letters, digits, '_' or '-', starting with a letter")
    String name;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "the project folder (default: NAME-template)")
    Path output;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        if (!name.matches("[a-z][a-z0-9_-]*")) {
            throw Cli.usage("NAME", "'" + name + "' is not a template name: lower case letters, digits, '_' or '-', starting with a letter");
        }
        Path dir = output != null ? output : Path.of(name + "-template");
        if (Files.exists(dir)) throw Cli.usage("--output", dir + " already exists; choose another folder with -o");
        String cls = className(name);
        String pkg = "com.example." + name.replaceAll("[^a-z0-9]", "");
        Map<String, String> values = Map.of("{{NAME}}", name, "{{CLASS}}", cls, "{{PACKAGE}}", pkg, "{{PACKAGE_PATH}}", pkg.replace('.', '/'),
                "{{VERSION}}", Provenance.version());
        String path = pkg.replace('.', '/');
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("pom.xml", filled("pom.xml.txt", values));
        files.put("README.md", filled("README.md.txt", values));
        files.put("src/main/java/" + path + "/" + cls + ".java", filled("Template.java.txt", values));
        files.put("src/main/resources/META-INF/services/org.coex.accel.template.AcceleratorTemplate", (pkg + "." + cls + "\n").getBytes(StandardCharsets.UTF_8));
        files.put("src/test/java/" + path + "/" + cls + "ContractTest.java", filled("ContractTest.java.txt", values));
        OutputDirectory.writeAtomically(dir, files);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %s: %s (template '%s'), its services entry and contract test%n", dir, pkg + "." + cls, name);
        out.printf("next: cd %s && mvn -o package && mkdir -p ~/.coex/plugins && cp target/%s-template-0.1.0.jar ~/.coex/plugins/%n", dir, name);
        return 0;
    }

    /** "my-simd" -> "MySimdTemplate". */
    static String className(String name) {
        StringBuilder b = new StringBuilder();
        for (String part : name.split("[-_]")) if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        return b + "Template";
    }

    private static byte[] filled(String resource, Map<String, String> values) throws IOException {
        try (InputStream in = NewTemplateCommand.class.getResourceAsStream("new-template/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : values.entrySet()) text = text.replace(e.getKey(), e.getValue());
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
