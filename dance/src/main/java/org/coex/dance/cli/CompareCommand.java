package org.coex.dance.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.coex.accel.cluster.ClusterException;
import org.coex.accel.cluster.ClusterSettings;
import org.coex.accel.cluster.Clusters;
import org.coex.accel.cluster.TaskRunner;
import java.util.concurrent.Callable;
import org.coex.accel.cli.Progress;
import org.coex.accel.optimize.HardLimit;
import org.coex.accel.spec.SpecException;
import org.coex.dance.run.Comparison;
import org.coex.dance.spec.SearchSpec;
import org.coex.dance.spec.SearchSpecs;
import org.coex.nas.cli.NasCommand;
import org.coex.nas.cli.StopOnSignal;
import org.coex.nas.cli.DataOption;
import org.coex.nas.cli.ThreadsOption;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code coex compare SPEC}: the spec under several methods, lambdas and limit sets, and a table of what each found. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "Run one search spec under several methods, lambdas and limit sets, and tabulate them.",
        footer = {"", "Examples:", "  coex compare examples/search-latency.yaml --method hdx,soft,sequential --lambda 0.2 --limits latency_ms=0.03,area_mm2=0.5"},
        description = {"Runs one search spec under several methods, lambda values and limit sets (every combination), each in "
            + "OUTPUT/<run>, then writes comparison.md, comparison.csv and comparison.png. Interrupted comparisons continue where they stopped."})
public final class CompareCommand implements Callable<Integer> {
    @Parameters(paramLabel = "SPEC", description = "search spec (YAML)") Path specFile;
    @Option(names = "--method", split = ",", paramLabel = "M", description = "hdx, soft, sequential, fixed-hw (default: the spec's)") List<String> methods = new ArrayList<>();
    @Option(names = "--lambda", split = ",", paramLabel = "L", description = "lambda values (default: the spec's)") List<Double> lambdas = new ArrayList<>();
    @Option(names = "--limits", paramLabel = "SET", description = {"a limit set replacing the spec's constraints, e.g. latency_ms=0.03,area_mm2=0.5;",
        "repeatable (default: the spec's constraints)"}) List<String> limitSets = new ArrayList<>();
    @Option(names = "--hardware-choice", paramLabel = "C", description = {"objective (the objective's best accelerator, limits left out: DANCE as published)",
        "or within-limits (the best within every limit) (default: the spec's hardware_choice, else within-limits)"}) String hardwareChoice;
    @Option(names = "--repair", paramLabel = "B", arity = "1", description = "true: repair an accelerator that misses a limit by exact search; false: judge what "
        + "the search returned (default: the spec's repair, else true)") Boolean repair;
    @Option(names = "--as-published", description = "--hardware-choice objective --repair false: every method as the papers ran it") boolean asPublished;
    @Mixin DataOption data;
    @Mixin ThreadsOption threads;
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", description = "default: the spec's output + -compare") Path output;
    @Option(names = "--master", paramLabel = "URL", description = "run the searches on Spark, one task per search (local[N], local[*], "
        + "spark://host:port; default: the spec's cluster.master, else here); the output folder, the spec and the data must be visible to every "
        + "worker (docs/cluster.md)") String master;
    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ClusterSettings.checkOption(master);
        SearchSpec s = SearchSpecs.load(specFile, data.dir());
        if (asPublished && (hardwareChoice != null || repair != null)) throw problem("--as-published", "give --as-published, or --hardware-choice and --repair, not both");
        SearchSpec.HardwareChoice choice = asPublished ? SearchSpec.HardwareChoice.OBJECTIVE : hardwareChoice == null ? s.hardwareChoice()
                : SearchSpec.HardwareChoice.parse(hardwareChoice).orElseThrow(() -> problem("--hardware-choice", "'" + hardwareChoice + "' is not objective or within-limits"));
        s = s.withHardwareChoice(choice, asPublished ? false : repair == null ? s.repair() : repair);
        threads.apply(1);
        List<SearchSpec.Method> ms = new ArrayList<>();
        for (String m : methods) {
            ms.add(SearchSpec.Method.parse(m).orElseThrow(() -> problem("--method", "'" + m + "' is not hdx, soft, sequential or fixed-hw")));
        }
        if (ms.isEmpty()) ms.add(s.method());
        for (double l : lambdas) if (!(l >= 0)) throw problem("--lambda", "must be >= 0 (found " + l + ")");
        List<Double> ls = lambdas.isEmpty() ? List.of(s.lambda()) : lambdas;
        List<List<HardLimit>> sets = new ArrayList<>();
        for (String set : limitSets) {
            List<HardLimit> limits = new ArrayList<>();
            for (String one : set.split(",")) {
                try {
                    limits.add(HardLimit.parse(one.trim(), HardLimit.NAMES));
                } catch (IllegalArgumentException e) {
                    throw problem("--limits", e.getMessage() + " (in '" + set + "')");
                }
            }
            sets.add(limits);
        }
        if (sets.isEmpty()) sets.add(s.limits());
        for (List<HardLimit> set : sets) {
            if (ms.contains(SearchSpec.Method.HDX) && set.isEmpty()) throw problem("--limits", "method hdx needs at least one limit");
        }
        Path dir = output != null ? output.toAbsolutePath() : Path.of(s.output() + "-compare");
        out.println(s.search().dataLine());
        out.printf("compare: %d runs (%s x lambda %s x %d limit sets; hardware choice %s, %s) into %s%n", ms.size() * ls.size() * sets.size(), ms, ls,
                sets.size(), s.hardwareChoice().spelling(), s.repair() ? "repair" : "no repair", dir);
        out.flush();
        Optional<ClusterSettings> cluster = ClusterSettings.of(s.cluster(), master);
        if (cluster.isPresent()) runOnCluster(s, cluster.get(), ms, ls, sets, dir, out);
        try (StopOnSignal stop = new StopOnSignal(); Progress progress = Progress.start("epoch", spec.commandLine().getErr())) {
            Comparison.run(s, ms, ls, sets, dir, line -> {
                out.println(line);
                out.flush();
            }, stop.watch(progress));
        } catch (StopOnSignal.Stopped e) {
            return NasCommand.stopped(spec.commandLine().getErr(), e, "run the same command again to continue");
        }
        out.println("wrote " + dir.resolve("comparison.md"));
        return 0;
    }

    /**
     * Every search of the comparison as one Spark task (the runs sharing it run in order inside it);
     * afterwards the plain comparison finds every run finished and only reads them back.
     */
    private void runOnCluster(SearchSpec s, ClusterSettings cluster, List<SearchSpec.Method> ms, List<Double> ls, List<List<HardLimit>> sets, Path dir,
                              PrintWriter out) {
        List<CompareGroup> tasks = new ArrayList<>();
        for (List<SearchSpec> group : Comparison.searchGroups(s, ms, ls, sets, dir).values()) {
            tasks.add(new CompareGroup(specFile.toAbsolutePath().normalize().toString(),
                    data.dir() == null ? null : data.dir().toAbsolutePath().normalize().toString(), s.hardwareChoice().spelling(), s.repair(),
                    threads.count(1), group.stream().map(CompareGroup.Run::of).toList(), dir.toString()));
        }
        out.printf("searching on Spark %s: %d tasks, one per search%n", cluster.master(), tasks.size());
        out.flush();
        try (TaskRunner runner = Clusters.open(cluster)) {
            runner.run("coex compare", tasks);
        } catch (ClusterException e) {
            throw e.asProblem(cluster, specFile);
        }
    }

    static SpecException problem(String option, String message) { return SpecException.option(option, message); }
}
