package org.coex.evaluator.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.coex.evaluator.data.CostDataset;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A {@link Fidelity} as files: report.json, report.md and one parity plot (predicted vs true) per metric. */
public final class FidelityReport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] NAMES = {"latency", "energy", "area"};

    private FidelityReport() {}

    /** The learned evaluator's fidelity next to the analytic one's (null when the design space is too large for it), on the same held-out samples. */
    public static Map<String, byte[]> files(Fidelity learned, Fidelity analytic, String title) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("evaluator", title);
        json.put("held_out_samples", learned.samples());
        json.put("learned", json(learned));
        json.put("analytic", analytic == null ? null : json(analytic));
        out.put("report.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json));
        out.put("report.md", markdown(learned, analytic, title).getBytes(StandardCharsets.UTF_8));
        for (int j = 0; j < 3; j++) out.put("parity-" + NAMES[j] + ".png", parity(learned, j, title));
        return out;
    }

    static Map<String, Object> json(Fidelity f) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int j = 0; j < 3; j++) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("mape", f.mape()[j]);
            metric.put("mape_target", Fidelity.MAPE_TARGETS[j]);
            metric.put("kendall_tau", f.kendallTau()[j]);
            m.put(CostDataset.METRIC_COLUMNS.get(j), metric);
        }
        m.put("generator_mean_regret", f.meanRegret());
        m.put("generator_within_2_percent", f.within2Percent());
        m.put("generator_choice_meets_limits", f.chosenFeasible());
        m.put("samples_per_second", f.samplesPerSecond());
        m.put("meets_targets", f.meetsTargets());
        return m;
    }

    static String markdown(Fidelity learned, Fidelity analytic, String title) {
        StringBuilder s = new StringBuilder("# Evaluator fidelity: " + title + "\n\n");
        s.append(String.format(Locale.ROOT, "%,d held-out samples (never trained on), against the analytic cost model; the analytic evaluator "
                + "(float32, configuration by a cold soft-min) on the same samples%s.%n%n", learned.samples(),
                analytic == null ? " is not available: its soft-min enumerates the design space, which is too large" : ""));
        s.append("| | learned | analytic | target |\n|---|---|---|---|\n");
        for (int j = 0; j < 3; j++) {
            int m = j;
            s.append(String.format(Locale.ROOT, "| %s MAPE | %.3f %% | %s | <= %.0f %% |%n", CostDataset.METRIC_COLUMNS.get(j), 100 * learned.mape()[j],
                    cell(analytic, a -> String.format(Locale.ROOT, "%.5f %%", 100 * a.mape()[m])), 100 * Fidelity.MAPE_TARGETS[j]));
        }
        for (int j = 0; j < 3; j++) {
            int m = j;
            s.append(String.format(Locale.ROOT, "| %s Kendall tau | %.4f | %s | >= 0.95 |%n", CostDataset.METRIC_COLUMNS.get(j), learned.kendallTau()[j],
                    cell(analytic, a -> String.format(Locale.ROOT, "%.4f", a.kendallTau()[m]))));
        }
        s.append(String.format(Locale.ROOT, "| hardware choice: mean regret | %.3f %% | %s | <= 1 %% |%n", 100 * learned.meanRegret(),
                cell(analytic, a -> String.format(Locale.ROOT, "%.3f %%", 100 * a.meanRegret()))));
        s.append(String.format(Locale.ROOT, "| hardware choice: within 2 %% of the optimum | %.1f %% | %s | >= 90 %% |%n", 100 * learned.within2Percent(),
                cell(analytic, a -> String.format(Locale.ROOT, "%.1f %%", 100 * a.within2Percent()))));
        s.append(String.format(Locale.ROOT, "| hardware choice meets the limits | %.1f %% | %s | |%n", 100 * learned.chosenFeasible(),
                cell(analytic, a -> String.format(Locale.ROOT, "%.1f %%", 100 * a.chosenFeasible()))));
        s.append(String.format(Locale.ROOT, "| held-out samples per second (both measurements) | %,.0f | %s | |%n", learned.samplesPerSecond(),
                cell(analytic, a -> String.format(Locale.ROOT, "%,.0f", a.samplesPerSecond()))));
        s.append(String.format(Locale.ROOT, "%nLearned evaluator meets every target: %s.%n", learned.meetsTargets() ? "yes" : "no"));
        return s.toString();
    }

    private static String cell(Fidelity analytic, java.util.function.Function<Fidelity, String> format) {
        return analytic == null ? "n/a" : format.apply(analytic);
    }

    /** The figures in a few lines, for the terminal. */
    public static String markdownSummary(Fidelity f) {
        StringBuilder s = new StringBuilder();
        for (int j = 0; j < 3; j++) {
            s.append(String.format(Locale.ROOT, "%-10s MAPE %.3f %% (target %.0f %%), Kendall tau %.4f%n", CostDataset.METRIC_COLUMNS.get(j), 100 * f.mape()[j],
                    100 * Fidelity.MAPE_TARGETS[j], f.kendallTau()[j]));
        }
        s.append(String.format(Locale.ROOT, "generator  mean regret %.3f %%, %.1f %% within 2 %% of the optimum; targets %s%n", 100 * f.meanRegret(),
                100 * f.within2Percent(), f.meetsTargets() ? "met" : "not met"));
        return s.toString();
    }

    static byte[] parity(Fidelity f, int j, String title) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int n = f.samples();
        double[] x = new double[n];
        double[] y = new double[n];
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int i = 0; i < n; i++) {
            x[i] = f.truth()[i][j];
            y[i] = f.predicted()[i][j];
            lo = Math.min(lo, Math.min(x[i], y[i]));
            hi = Math.max(hi, Math.max(x[i], y[i]));
        }
        // log axes only over three decades: XChart labels them at powers of ten alone
        boolean log = org.coex.accel.explore.PlotScales.logarithmic(lo, hi);
        String scale = log ? " (log scale)" : "";
        XYChart chart = new XYChartBuilder().width(700).height(640)
                .title(String.format(Locale.ROOT, "%s: %s, MAPE %.2f %%, tau %.3f", title, NAMES[j], 100 * f.mape()[j], f.kendallTau()[j]))
                .xAxisTitle("true " + CostDataset.METRIC_COLUMNS.get(j) + scale).yAxisTitle("predicted " + CostDataset.METRIC_COLUMNS.get(j) + scale).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(log);
        chart.getStyler().setYAxisLogarithmic(log);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(3);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        XYSeries pts = chart.addSeries("held-out samples", x, y);
        pts.setMarkerColor(new Color(30, 90, 200, 90));
        pts.setMarker(SeriesMarkers.CIRCLE);
        XYSeries diag = chart.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        diag.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        diag.setMarker(SeriesMarkers.NONE);
        diag.setLineColor(new Color(200, 30, 30));
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }
}
