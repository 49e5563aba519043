package org.coex.dance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Help that teaches: every command says what it does in one sentence and shows examples; every option says what it is. */
class HelpTextsTest {

    @Test
    void everyCommandHasAOneSentenceSummaryAndExamplesAndEveryOptionADescription() {
        List<String> missing = new ArrayList<>();
        visit(CoexCommand.commandLine(), missing);
        assertEquals(List.of(), missing);
    }

    private static void visit(CommandLine cl, List<String> missing) {
        CommandSpec spec = cl.getCommandSpec();
        String name = spec.qualifiedName();
        if (spec.userObject() instanceof CommandLine.HelpCommand) return;
        if (!name.equals("coex")) {
            String[] header = spec.usageMessage().header();
            if (header.length != 1 || !header[0].endsWith(".")) missing.add(name + ": header must be one sentence (the line `coex --help` lists)");
        }
        if (!String.join("\n", spec.usageMessage().footer()).contains("Examples:")) missing.add(name + ": no examples in the footer");
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp()) continue;
            if (o.description().length == 0 || o.description()[0].isBlank()) missing.add(name + " " + o.longestName() + ": no description");
            if (o.defaultValue() != null && String.join(" ", o.description()).contains("(default:")) {
                missing.add(name + " " + o.longestName() + ": its default is printed twice (the description's and picocli's 'Default:' line)");
            }
        }
        for (CommandLine sub : cl.getSubcommands().values()) visit(sub, missing);
    }

    @Test
    void theCommandListShowsWholeSentences() {
        java.io.StringWriter out = new java.io.StringWriter();
        CoexCommand.run(new java.io.PrintWriter(out), new java.io.PrintWriter(new java.io.StringWriter()), "--help");
        String help = out.toString();
        String list = help.substring(help.indexOf("Commands:") + "Commands:".length(), help.indexOf("Examples:"));
        List<String> entries = new ArrayList<>();
        for (String line : list.lines().filter(l -> !l.isBlank()).toList()) {
            if (line.startsWith("  ") && !line.startsWith("   ")) entries.add(line.trim());
            else entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
        }
        assertTrue(entries.size() > 10, help);
        for (String e : entries) assertTrue(e.endsWith("."), "cut short: " + e);
    }
}
