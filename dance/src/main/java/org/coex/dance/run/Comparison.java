package org.coex.dance.run;

import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.coex.accel.cost.Metrics;
import org.coex.accel.explore.ProgressListener;
import org.coex.accel.interop.OutputDirectory;
import org.coex.accel.optimize.HardLimit;
import org.coex.dance.spec.SearchSpec;
import org.coex.nas.train.SearchTrainer;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * {@code coex compare}: one spec run under several methods, lambdas and limit sets (their product),
 * each in its own folder, then {@code comparison.md}, {@code comparison.csv} and
 * {@code comparison.png} (accuracy against the objective's first metric under the true cost model;
 * test accuracy when retrained, else the returned network's validation accuracy on the supernet's weights) in the output folder.
 * Finished runs are resumed, not repeated.
 */
public final class Comparison {
    private Comparison() {}

    /** One run of the comparison and what came out. */
    public record Row(String name, SearchSpec spec, CoSearch.Result result) {}

    public static List<Row> run(SearchSpec base, List<SearchSpec.Method> methods, List<Double> lambdas, List<List<HardLimit>> limitSets,
                                Path output, Consumer<String> say, ProgressListener progress) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (List<SearchSpec> group : searchGroups(base, methods, lambdas, limitSets, output).values()) rows.addAll(runGroup(group, output, say, progress));
        List<String> listed = runs(base, methods, lambdas, limitSets, output).stream().map(s -> s.output().getFileName().toString()).toList();
        rows.sort(java.util.Comparator.comparingInt(r -> listed.indexOf(r.name())));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("comparison.md", markdown(rows).getBytes(StandardCharsets.UTF_8));
        files.put("comparison.csv", csv(rows).getBytes(StandardCharsets.UTF_8));
        files.put("comparison.png", scatter(rows, base));
        OutputDirectory.writeAtomically(output, files);
        return rows;
    }

    /** The comparison's runs in the order they are listed (limit sets, then methods, then lambdas). */
    static List<SearchSpec> runs(SearchSpec base, List<SearchSpec.Method> methods, List<Double> lambdas, List<List<HardLimit>> limitSets, Path output) {
        List<SearchSpec> out = new ArrayList<>();
        for (List<HardLimit> limits : limitSets) {
            for (SearchSpec.Method m : methods) {
                for (double lambda : lambdas) out.add(base.with(m, lambda, limits, output.resolve(name(m, lambda, limits))));
            }
        }
        return out;
    }

    /**
     * The runs grouped by search: runs with equal {@link SearchSpec#settings()} share one search
     * ({@link #reuseSearch}), so a group runs in order, its first run searching; groups are independent
     * (a cluster runs them as separate tasks). In the order of their first runs.
     */
    public static Map<Map<String, Object>, List<SearchSpec>> searchGroups(SearchSpec base, List<SearchSpec.Method> methods, List<Double> lambdas,
                                                                       List<List<HardLimit>> limitSets, Path output) {
        Map<Map<String, Object>, List<SearchSpec>> groups = new LinkedHashMap<>();
        for (SearchSpec s : runs(base, methods, lambdas, limitSets, output)) groups.computeIfAbsent(s.settings(), k -> new ArrayList<>()).add(s);
        return groups;
    }

    /** One group's runs, in order: the first searches (or resumes, or is read back), the others take its search. */
    public static List<Row> runGroup(List<SearchSpec> group, Path output, Consumer<String> say, ProgressListener progress) throws IOException {
        List<Row> rows = new ArrayList<>();
        Path donor = null;
        for (SearchSpec s : group) {
            String name = s.output().getFileName().toString();
            say.accept("== " + name);
            if (donor != null && reuseSearch(donor, s.output())) {
                say.accept("the search of " + output.relativize(donor) + " serves this run too (its search does not see these limits)");
            }
            boolean started = Files.exists(s.output());   // resumed (or read back when finished); a fresh run is not "resumed"
            rows.add(new Row(name, s, CoSearch.run(s, started, false, say, progress)));
            if (donor == null) donor = s.output();
        }
        return rows;
    }

    /**
     * Runs whose searches have equal {@link SearchSpec#settings()} search the same way, so a comparison
     * runs such a search once: {@code sequential} ignores lambda and the limits, and {@code soft} with the
     * hardware chosen for the objective alone ignores the limits. A later run that has not started gets
     * the first one's log, retraining and finished checkpoint (not HDX's state, which belongs to other
     * limits, nor the per-step verdicts, which are judged on them), and only its hardware step runs.
     * The checkpoint comes last and all at once, so a copy cut short is simply made again.
     *
     * @return whether anything was copied
     */
    static boolean reuseSearch(Path donor, Path target) throws IOException {
        if (SearchTrainer.hasCheckpoint(target.resolve("checkpoint"))) return false;
        for (String part : List.of("log.jsonl", "retrain")) {
            Path from = donor.resolve(part);
            if (!Files.exists(from)) continue;
            try (var files = Files.walk(from)) {
                for (Path f : files.toList()) {
                    Path to = target.resolve(donor.relativize(f));
                    if (Files.isDirectory(f)) {
                        Files.createDirectories(to);
                    } else {
                        Files.createDirectories(to.getParent());
                        Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        Map<String, byte[]> checkpoint = new LinkedHashMap<>();
        try (var files = Files.list(donor.resolve("checkpoint"))) {
            for (Path f : files.sorted().toList()) {
                if (!f.getFileName().toString().equals("hdx.json")) checkpoint.put(f.getFileName().toString(), Files.readAllBytes(f));
            }
        }
        OutputDirectory.replaceFolder(target.resolve("checkpoint"), checkpoint);
        return true;
    }

    static String name(SearchSpec.Method m, double lambda, List<HardLimit> limits) {
        StringBuilder b = new StringBuilder(m.spelling()).append("-lambda_").append(fmt(lambda));
        for (HardLimit l : limits) b.append('-').append(l.metric().column()).append("_").append(fmt(l.bound()));
        return b.toString();
    }

    private static String fmt(double v) { return String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", ""); }

    static String markdown(List<Row> rows) {
        SearchSpec first = rows.isEmpty() ? null : rows.get(0).spec();
        StringBuilder b = new StringBuilder("# coex compare\n\n");
        if (first != null) {
            b.append(first.hardwareChoice() == SearchSpec.HardwareChoice.OBJECTIVE && !first.repair()
                    ? "As the papers ran it: each network's accelerator chosen for the objective alone (the limits left out of the choice), no repair.\n\n"
                    : "Hardware choice: " + first.hardwareChoice().spelling() + "; " + (first.repair() ? "an accelerator that misses a limit is repaired by exact search" : "no repair") + ".\n\n");
        }
        b.append("| run | limits | true latency ms | true energy uJ | true area mm2 | limits met | hardware repaired | accuracy |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            Metrics t = r.result().outcome().truth();
            b.append(String.format(Locale.ROOT, "| %s | %s | %.5g | %.5g | %.5g | %s | %s | %s |%n", r.name(), r.spec().limits(), t.latencyMs(), t.energyUj(),
                    t.areaMm2(), r.result().outcome().feasible() ? "yes" : "**no**", r.result().outcome().repaired() ? "yes" : "no", accuracy(r)));
        }
        b.append("\nAccuracy: test accuracy after retraining when `retrain_epochs` > 0, otherwise (marked v) the returned network's validation accuracy on the weights the supernet trained. "
                + "Hardware repaired: the search's own accelerator missed a limit under the true cost model and exact search replaced it "
                + "(the network alone decides whether any accelerator can meet the limits).\n");
        return b.toString();
    }

    static String csv(List<Row> rows) {
        StringBuilder b = new StringBuilder("run,method,lambda,limits,latency_ms,energy_uj,area_mm2,feasible,repaired,network_validation_accuracy,supernet_validation_accuracy,test_accuracy,hardware_choice,repair\n");
        for (Row r : rows) {
            Metrics t = r.result().outcome().truth();
            b.append(String.format(Locale.ROOT, "%s,%s,%s,\"%s\",%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n", r.name(), r.spec().method().spelling(), r.spec().lambda(),
                    r.spec().limits(), t.latencyMs(), t.energyUj(), t.areaMm2(), r.result().outcome().feasible(), r.result().outcome().repaired(),
                    r.result().networkAccuracy(), r.result().validationAccuracy(),
                    Double.isNaN(r.result().testAccuracy()) ? "" : r.result().testAccuracy(), r.spec().hardwareChoice().spelling(), r.spec().repair()));
        }
        return b.toString();
    }

    private static String accuracy(Row r) {
        double test = r.result().testAccuracy();
        return Double.isNaN(test) ? String.format(Locale.ROOT, "%.2f %% v", 100 * r.result().networkAccuracy()) : String.format(Locale.ROOT, "%.2f %%", 100 * test);
    }

    /** Ten colours told apart in print and by most colour-blind readers (matplotlib's tab10). */
    private static final Color[] COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    static byte[] scatter(List<Row> rows, SearchSpec base) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Metrics.Name x = base.objective().weights().keySet().iterator().next();
        XYChart chart = new XYChartBuilder().width(1000).height(520 + 22 * rows.size()).title("accuracy against true " + x.column())
                .xAxisTitle(x.column() + " (true cost model)")
                .yAxisTitle("accuracy % (test when retrained, else validation)").build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);
        chart.getStyler().setMarkerSize(11);
        chart.getStyler().setYAxisDecimalPattern("0.0#");   // few distinct values put ticks on the data: no 0.302874126162903
        chart.getStyler().setXAxisDecimalPattern("0.####");
        var shapes = List.of(SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP);
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double acc = Double.isNaN(r.result().testAccuracy()) ? r.result().networkAccuracy() : r.result().testAccuracy();
            boolean met = r.result().outcome().feasible();
            XYSeries s = chart.addSeries(r.name() + (met ? "" : " (misses a limit)"),
                    new double[] {r.result().outcome().truth().get(x)}, new double[] {100 * acc});
            s.setMarker(met ? shapes.get(r.spec().method().ordinal() % shapes.size()) : SeriesMarkers.CROSS);
            s.setMarkerColor(COLOURS[i % COLOURS.length]);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
