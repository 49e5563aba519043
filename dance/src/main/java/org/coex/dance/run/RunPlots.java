package org.coex.dance.run;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.coex.accel.optimize.HardLimit;
import org.coex.nas.space.ArchEncoding;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The plots of a co-exploration run, from its {@code log.jsonl} lines (so a resumed run plots its
 * whole history): each limited metric as predicted at the end of every epoch, relative to its bound;
 * and how sure each layer became of the op it ends with.
 */
final class RunPlots {
    private RunPlots() {}

    /** value / bound per epoch for every limit (fps as latency against 1000 / fps), with the bound at 1. */
    @SuppressWarnings("unchecked")
    static byte[] constraints(List<Map<String, Object>> log, List<HardLimit> limits, String title) throws IOException {
        XYChart chart = chart(title + ": predicted metric / bound at the end of each epoch", "epoch", "value / bound");
        double[] epochs = log.stream().mapToDouble(l -> ((Number) l.get("epoch")).doubleValue()).toArray();
        for (HardLimit limit : limits) {
            boolean fps = limit.metric() == org.coex.accel.cost.Metrics.Name.FPS;
            String column = fps ? "latency_ms" : limit.metric().column();
            double bound = fps ? 1000.0 / limit.bound() : limit.bound();
            double[] y = log.stream().mapToDouble(l -> ((Number) ((Map<String, Object>) l.get("predicted")).get(column)).doubleValue() / bound).toArray();
            XYSeries s = chart.addSeries(column + (fps ? " (fps >= " + limit.bound() + ")" : " <= " + limit.bound()), epochs, y);
            s.setMarker(SeriesMarkers.CIRCLE);
        }
        if (epochs.length > 0) {
            XYSeries b = chart.addSeries("bound", new double[] {epochs[0], epochs[epochs.length - 1]}, new double[] {1, 1});
            b.setLineColor(Color.RED);
            b.setMarker(SeriesMarkers.NONE);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    /** Per layer, the probability of the op it ends with, over epochs. */
    @SuppressWarnings("unchecked")
    static byte[] alpha(List<Map<String, Object>> log, ArchEncoding encoding, List<Integer> finalChoices, String title) throws IOException {
        XYChart chart = chart(title + ": probability of each layer's final op", "epoch", "softmax(alpha)");
        double[] epochs = log.stream().mapToDouble(l -> ((Number) l.get("epoch")).doubleValue()).toArray();
        for (int i = 0; i < encoding.layers(); i++) {
            int k = encoding.offset(i) + finalChoices.get(i);
            double[] y = log.stream().mapToDouble(l -> ((List<Number>) l.get("probabilities")).get(k).doubleValue()).toArray();
            chart.addSeries("layer " + i, epochs, y).setMarker(SeriesMarkers.NONE);
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
