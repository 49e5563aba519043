package org.coex.dance.cli;

import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import org.coex.accel.Provenance;
import org.coex.accel.cli.CostCommand;
import org.coex.accel.cli.NetworksCommand;
import org.coex.accel.cli.OptimizeCommand;
import org.coex.accel.cli.ScaleSimCommand;
import org.coex.accel.cli.SweepCommand;
import org.coex.accel.cli.TimeloopCommand;
import org.coex.accel.spec.Problem;
import org.coex.accel.spec.SpecException;
import org.coex.dance.loop.EvaluatorNotFinite;
import org.coex.evaluator.cli.EvaluatorCommand;
import org.coex.nas.cli.NasCommand;
import org.coex.nas.supernet.TorchRuntime;
import org.coex.nas.train.TrainingDiverged;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code coex} command: gathers every module's subcommands. Exit status: 0 ok, 1 a bug (stack
 * trace), 2 a user's mistake (one {@code error:} line per problem, no stack trace; an output folder that
 * cannot be written, and a template that returns a NaN, infinite or negative number, count as one),
 * 3 a training that diverged, 4 no feasible design.
 */
@Command(name = "coex", mixinStandardHelpOptions = true, versionProvider = CoexCommand.Version.class,
        description = "Co-exploration of neural networks and their hardware accelerators.",
        footer = {"", "Examples:", "  coex search                      the default co-exploration",
            "  coex sweep examples/sweep-resnet50-systolic.yaml", "  coex search --help               the options of one command"},
        subcommands = {SweepCommand.class, OptimizeCommand.class, ScaleSimCommand.class, TimeloopCommand.class, CostCommand.class,
            NetworksCommand.class, org.coex.accel.cli.TemplatesCommand.class, org.coex.accel.cli.NewTemplateCommand.class, NasCommand.class, EvaluatorCommand.class, SearchCommand.class, CompareCommand.class,
            CommandLine.HelpCommand.class})
public final class CoexCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command tree, every option's default shown in its help. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new CoexCommand());
        showDefaults(cl);
        return cl;
    }

    private static void showDefaults(CommandLine cl) {
        cl.getCommandSpec().usageMessage().showDefaultValues(true);
        cl.getSubcommands().values().forEach(CoexCommand::showDefaults);
    }

    /**
     * picocli's message for a command line it could not parse, with its suggestions for an unknown
     * option and the help that lists the right ones: {@code Invalid value for option '--seed': '0.5' is
     * not a long; see coex sweep --help}, or {@code Unknown option: '--bach'; did you mean --batch? (coex cost --help)}.
     */
    static String optionMistake(CommandLine.ParameterException ex) {
        String message = ex.getMessage().lines().findFirst().orElse("cannot read the command line");
        String help = ex.getCommandLine().getCommandSpec().qualifiedName() + " --help";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            return message + "; did you mean " + String.join(" or ", u.getSuggestions()) + "? (" + help + ")";
        }
        return message + "; see " + help;
    }

    /** Runs the command line with the given streams and returns the exit status; tests call this. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine();
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, arguments) -> {   // a mistyped option: one line, not the whole usage
            err.println("error: command line: " + optionMistake(ex));
            err.flush();
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, line, parseResult) -> {
            if (ex instanceof SpecException se) {
                for (Problem p : se.problems()) err.println("error: " + p);
                err.flush();
                return 2;
            }
            if (ex instanceof ai.djl.engine.EngineException ee && ee.getMessage() != null && ee.getMessage().contains("can't allocate memory")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("allocate (\\d+) bytes").matcher(ee.getMessage());
                String size = m.find() ? String.format(java.util.Locale.ROOT, " %.1f GB", Long.parseLong(m.group(1)) / 1e9) : "";
                err.println("error: PyTorch could not allocate" + size + " of memory: the network, its search space or the batch is too "
                        + "large for this machine; use fewer channels or layers, or a smaller batch_size");
                err.flush();
                return 2;
            }
            for (Throwable c = ex; c != null; c = c.getCause()) {
                if (c instanceof org.coex.accel.cost.CostError ce) {   // a template's impossible number (may arrive wrapped by a parallel stream)
                    err.println("error: " + ce.getMessage());
                    err.flush();
                    return 2;
                }
            }
            if (ex instanceof TrainingDiverged || ex instanceof EvaluatorNotFinite) {   // numbers that stopped being numbers
                err.println("error: " + ex.getMessage());
                err.flush();
                return 3;
            }
            if (ex instanceof FileSystemException fs) {   // a path the checks before could not foresee: named, with what went wrong there
                String why = fs.getReason() == null ? "" : " (" + fs.getReason() + ")";
                err.println("error: " + fs.getFile() + ": " + (fs instanceof NoSuchFileException ? "no such file or folder; check the path"
                        : fs instanceof AccessDeniedException ? "permission denied; choose another path or change its permissions"
                        : "cannot read or write here" + why + "; check the path or choose another output folder"));
                err.flush();
                return 2;
            }
            throw ex;
        });
        boolean listing = args.length > 0 && args[0].equals("templates");   // it says the same itself
        if (!listing) for (String b : org.coex.accel.template.Templates.broken()) err.println("warning: " + b);
        TorchRuntime.useThreads(1);   // every command starts on one PyTorch thread unless its --threads says otherwise (tests run many in one JVM)
        int status = cl.execute(args);
        out.flush();
        err.flush();
        return status;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"coex " + Provenance.version(), "JDK " + System.getProperty("java.version")};
        }
    }
}
