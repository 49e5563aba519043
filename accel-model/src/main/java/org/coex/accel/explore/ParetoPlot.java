package org.coex.accel.explore;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.coex.accel.cost.Metrics;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The sweep's scatter plot: every feasible point in grey, the Pareto front in red; an axis is logarithmic where its values span three decades or more. */
final class ParetoPlot {
    private ParetoPlot() {}

    static byte[] png(SweepResult r, Set<Long> onFront) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Metrics.Name x = r.spec().plot().get(0);
        Metrics.Name y = r.spec().plot().get(1);
        XYChart chart = new XYChartBuilder().width(900).height(620)
                .title(r.spec().network().name() + " on " + r.spec().template().name() + ": "
                        + r.feasibleCount() + " designs, " + r.front().size() + " on the front")
                .build();
        List<SweepPoint> plotted = r.points().stream().filter(p -> p.isFeasible() && PlotSample.keeps(p.index(), r.evaluated())).toList();
        boolean logX = PlotScales.logarithmic(values(plotted, x));
        boolean logY = PlotScales.logarithmic(values(plotted, y));
        chart.setXAxisTitle(x.column() + (logX ? " (log scale)" : ""));
        chart.setYAxisTitle(y.column() + (logY ? " (log scale)" : ""));
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        chart.getStyler().setMarkerSize(5);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
        List<SweepPoint> others = plotted.stream().filter(p -> !onFront.contains(p.index())).toList();
        if (!others.isEmpty()) {
            XYSeries all = chart.addSeries("designs", values(others, x), values(others, y));
            all.setMarkerColor(new Color(150, 150, 150, 120));
            all.setMarker(SeriesMarkers.CIRCLE);
        }
        if (!r.front().isEmpty()) {
            XYSeries front = chart.addSeries("Pareto front (" + String.join(" x ",
                    r.spec().pareto().stream().map(Metrics.Name::column).toList()) + ")", values(r.front(), x), values(r.front(), y));
            front.setMarkerColor(new Color(200, 30, 30));
            front.setMarker(SeriesMarkers.DIAMOND);
        }
        return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
    }

    private static double[] values(List<SweepPoint> ps, Metrics.Name m) {
        return ps.stream().mapToDouble(p -> p.metrics().get(m)).toArray();
    }
}
