package org.coex.accel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NewTemplateCommandTest {
    @TempDir Path dir;

    static int run(StringWriter err, String... args) {
        CommandLine cl = new CommandLine(new NewTemplateCommand());
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        cl.setExecutionExceptionHandler((ex, line, parse) -> {
            err.write("error: " + ex.getMessage());
            return 2;
        });
        return cl.execute(args);
    }

    @Test
    void theProjectHasItsPomTemplateServicesEntryAndContractTest() throws IOException {
        Path out = dir.resolve("p");
        assertEquals(0, run(new StringWriter(), "my-simd", "-o", out.toString()));
        String pom = Files.readString(out.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>accel-model</artifactId><version>${coex.version}</version><scope>provided</scope>"), pom);
        assertTrue(pom.contains("<artifactId>template-testkit</artifactId><version>${coex.version}</version><scope>test</scope>"), pom);
        assertFalse(pom.contains("{{"), "every placeholder filled");
        String cls = Files.readString(out.resolve("src/main/java/com/example/mysimd/MySimdTemplate.java"));
        assertTrue(cls.contains("public final class MySimdTemplate implements AcceleratorTemplate") && cls.contains("return \"my-simd\";"), cls);
        assertEquals("com.example.mysimd.MySimdTemplate\n",
                Files.readString(out.resolve("src/main/resources/META-INF/services/org.coex.accel.template.AcceleratorTemplate")));
        assertTrue(Files.readString(out.resolve("src/test/java/com/example/mysimd/MySimdTemplateContractTest.java")).contains("extends AcceleratorTemplateContract"));
    }

    @Test
    void aBadNameOrAnExistingFolderIsOneLine() throws IOException {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "My SIMD", "-o", dir.resolve("q").toString()));
        assertTrue(err.toString().contains("is not a template name"), err.toString());
        Files.createDirectories(dir.resolve("taken"));
        err = new StringWriter();
        assertEquals(2, run(err, "simd", "-o", dir.resolve("taken").toString()));
        assertTrue(err.toString().contains("already exists"), err.toString());
        assertFalse(Files.exists(dir.resolve("q")));
    }

    @Test
    void theDocsShowTheTemplateTheCommandWrites() throws IOException {
        Path out = dir.resolve("simd");
        assertEquals(0, run(new StringWriter(), "simd", "-o", out.toString()));
        String generated = Files.readString(out.resolve("src/main/java/com/example/simd/SimdTemplate.java"));
        String docs = Files.readString(Path.of("../docs/custom-template.md"));
        assertTrue(docs.contains("```java\n" + generated + "```"), "docs/custom-template.md's worked example is out of date: run coex new-template simd and paste it");
    }
}
