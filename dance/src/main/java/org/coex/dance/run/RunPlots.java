package org.coex.dance.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.coex.accel.cost.Metrics;
import org.coex.accel.optimize.HardLimit;
import org.coex.hdx.HardConstraint;
import org.coex.nas.space.ArchEncoding;
import org.coex.nas.space.Architecture;
import org.coex.nas.space.Op;
import org.coex.nas.space.SearchSpace;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a co-exploration run, from its {@code steps.jsonl} and {@code log.jsonl} lines (so a
 * resumed run plots its whole history): each HDX constraint's predicted metric at every architecture
 * step, relative to its bound; and how sure each layer became of the op it ends with.
 */
final class RunPlots {
    private RunPlots() {}

    /** value / bound at every architecture step for every HDX constraint (from steps.jsonl), with the bound at 1 and the margin's target. */
    @SuppressWarnings("unchecked")
    static byte[] constraints(List<Map<String, Object>> steps, List<HardConstraint> constraints, String title) throws IOException {
        XYChart chart = chart(title + ": predicted metric / bound at every architecture step", "architecture step", "value / bound");
        double[] x = new double[steps.size()];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;   // steps counted from 1, as the console counts epochs
        for (int k = 0; k < constraints.size(); k++) {
            int c = k;
            HardConstraint hc = constraints.get(k);
            double[] y = steps.stream().mapToDouble(l -> ((List<Number>) l.get("values")).get(c).doubleValue() / hc.bound()).toArray();
            if (y.length > 0) chart.addSeries(hc.toString(), x, y).setMarker(SeriesMarkers.NONE);
        }
        return withBound(chart, x);
    }

    /**
     * For runs that do not enforce their limits (soft, sequential, fixed-hw): the evaluator's
     * prediction / bound after every epoch (from log.jsonl) for every limit, with the bound at 1.
     */
    static byte[] limitsPerEpoch(List<Map<String, Object>> log, List<HardLimit> limits, String title) throws IOException {
        XYChart chart = chart(title + ": predicted metric / limit after every epoch (not enforced)", "epoch", "value / bound");
        double[] x = epochsFromOne(log);
        for (HardLimit limit : limits) {
            double[] y = relativeToBound(log, limit);
            if (y.length > 0) chart.addSeries(limit.toString(), x, y);
        }
        return withBound(chart, x);
    }

    /** The evaluator's prediction / bound of {@code limit}'s metric after every epoch of {@code log}. */
    @SuppressWarnings("unchecked")
    static double[] relativeToBound(List<Map<String, Object>> log, HardLimit limit) {
        return log.stream().mapToDouble(l -> predicted((Map<String, Object>) l.get("predicted")).get(limit.metric()) / limit.bound()).toArray();
    }

    /** A log line's {@code predicted} latency, energy and area as {@link Metrics} (fps and EDP derived from them). */
    private static Metrics predicted(Map<String, Object> p) {
        return Metrics.ofHeadline(((Number) p.get("latency_ms")).doubleValue(), ((Number) p.get("energy_uj")).doubleValue(),
                ((Number) p.get("area_mm2")).doubleValue());
    }

    /** The chart as PNG, with the bound drawn as a red line at 1 across the x range. */
    private static byte[] withBound(XYChart chart, double[] x) throws IOException {
        if (x.length > 0) {
            XYSeries b = chart.addSeries("bound", new double[] {x[0], x[x.length - 1]}, new double[] {1, 1});
            b.setLineColor(Color.RED);
            b.setMarker(SeriesMarkers.NONE);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** The log lines' epochs (0-based in log.jsonl) counted from 1, as the console counts them. */
    private static double[] epochsFromOne(List<Map<String, Object>> log) {
        return log.stream().mapToDouble(l -> ((Number) l.get("epoch")).doubleValue() + 1).toArray();
    }

    /** Line styles and markers cycled with XChart's colours, so that ten or more lines can be told apart. */
    private static final BasicStroke[] STROKES = {SeriesLines.SOLID, SeriesLines.DASH_DASH, SeriesLines.DOT_DOT};
    private static final Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.SQUARE, SeriesMarkers.DIAMOND, SeriesMarkers.TRIANGLE_UP};

    /**
     * Per layer, the probability of the op it ends with, and per stage whose width is searched, the
     * probability of the width it ends with (each named in the legend), over epochs.
     */
    @SuppressWarnings("unchecked")
    static byte[] alpha(List<Map<String, Object>> log, SearchSpace space, Architecture last, String title) throws IOException {
        boolean widths = space.searchesWidth();
        XYChart chart = chart(title + ": probability of each layer's final op" + (widths ? " and each stage's final width" : "") + " after every epoch",
                "epoch", "softmax(alpha)");
        double[] epochs = epochsFromOne(log);
        ArchEncoding encoding = space.encoding();
        List<Op> ops = last.ops(space);
        List<String> names = new java.util.ArrayList<>();
        List<Integer> entries = new java.util.ArrayList<>();
        for (int i = 0; i < encoding.layers(); i++) {
            names.add("layer " + i + ": " + ops.get(i).name());
            entries.add(encoding.offset(i) + last.choices().get(i));
        }
        List<Integer> channels = last.stageChannels(space);
        for (int s = 0; s < space.stages().size(); s++) {
            if (encoding.widthOffset(s) < 0) continue;
            names.add("stage " + s + " width: " + channels.get(s));
            entries.add(encoding.widthOffset(s) + last.width(s));
        }
        for (int i = 0; i < names.size(); i++) {
            int k = entries.get(i);
            double[] y = log.stream().mapToDouble(l -> ((List<Number>) l.get("probabilities")).get(k).doubleValue()).toArray();
            XYSeries series = chart.addSeries(names.get(i), epochs, y);
            series.setLineStyle(STROKES[(i / 7) % STROKES.length]);
            series.setMarker(MARKERS[i % MARKERS.length]);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static XYChart chart(String title, String x, String y) {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(900).height(560).title(title).xAxisTitle(x).yAxisTitle(y).build();
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
        return chart;
    }
}
