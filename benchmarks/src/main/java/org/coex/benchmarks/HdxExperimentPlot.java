package org.coex.benchmarks;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.coex.benchmarks.HdxExperimentTable.Run;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The comparison as one PNG: a panel per limit set, each run a point at (objective under the true cost
 * model, accuracy in %), one colour and marker per method in every panel; runs that missed a limit are
 * crosses in their method's colour.
 */
final class HdxExperimentPlot {
    private static final int PANEL_W = 520;
    private static final int PANEL_H = 360;
    private static final int COLUMNS = 3;
    private static final Color[] COLOURS = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44), new Color(214, 39, 40),
        new Color(148, 103, 189), new Color(140, 86, 75), new Color(227, 119, 194), new Color(127, 127, 127), new Color(188, 189, 34), new Color(23, 190, 207)};
    private static final org.knowm.xchart.style.markers.Marker[] MARKERS = {SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE,
        SeriesMarkers.TRIANGLE_UP, SeriesMarkers.TRIANGLE_DOWN};

    private HdxExperimentPlot() {}

    static byte[] png(Map<String, Map<String, Run>> bySetting) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> labels = bySetting.values().stream().flatMap(m -> m.keySet().stream()).distinct().sorted().toList();
        int n = bySetting.size();
        int cells = n + 1;   // the panels and the key
        int rows = (cells + COLUMNS - 1) / COLUMNS;
        BufferedImage image = new BufferedImage(PANEL_W * Math.min(COLUMNS, cells), PANEL_H * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        int k = 0;
        for (var setting : bySetting.entrySet()) {
            XYChart chart = new XYChartBuilder().width(PANEL_W).height(PANEL_H).title(setting.getKey()).xAxisTitle("objective (true)").yAxisTitle("accuracy %").build();
            chart.getStyler().setChartBackgroundColor(Color.WHITE);
            chart.getStyler().setChartTitleFont(titleFont(g, chart.getStyler().getChartTitleFont(), setting.getKey()));
            chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            chart.getStyler().setMarkerSize(9);
            chart.getStyler().setYAxisDecimalPattern("0.0#");   // few distinct values put ticks on the data: no 15.540000000000001
            chart.getStyler().setXAxisDecimalPattern("0.0###");
            chart.getStyler().setLegendVisible(false);   // one key for every panel, in the cell after the last
            boolean any = false;
            for (String label : labels) {
                Run r = setting.getValue().get(label);
                if (r == null || !r.accuracy().known()) continue;
                XYSeries s = chart.addSeries(label + (r.met() ? "" : " (missed)"), new double[] {r.objective()}, new double[] {100 * r.accuracy().mean()});
                int i = labels.indexOf(label);
                s.setMarkerColor(COLOURS[i % COLOURS.length]);
                s.setMarker(r.met() ? MARKERS[i % MARKERS.length] : SeriesMarkers.CROSS);
                any = true;
            }
            if (!any) chart.addSeries("no accuracy yet", new double[] {0}, new double[] {0});
            int x = (k % COLUMNS) * PANEL_W;
            int y = (k / COLUMNS) * PANEL_H;
            Graphics2D panel = (Graphics2D) g.create(x, y, PANEL_W, PANEL_H);
            chart.paint(panel, PANEL_W, PANEL_H);
            panel.dispose();
            k++;
        }
        key(g, labels, (n % COLUMNS) * PANEL_W, (n / COLUMNS) * PANEL_H);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** {@code font}, smaller when needed so that {@code title} (three limits: 58 characters) fits above the plot area, which XChart centres it on. */
    private static Font titleFont(Graphics2D g, Font font, String title) {
        Font f = font;
        while (f.getSize2D() > 8 && g.getFontMetrics(f).stringWidth(title) > PANEL_W - 110) f = f.deriveFont(f.getSize2D() - 1);
        return f;
    }

    /** The key at (x, y): each method's colour and marker, and the cross that marks a run that missed a limit. */
    private static void key(Graphics2D g, List<String> labels, int x, int y) {
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int line = 24;
        int top = y + 40;
        g.setColor(Color.BLACK);
        g.drawString("Key: a method's marker where its run met every limit,", x + 30, top);
        g.drawString("a cross in its colour where it missed one", x + 30, top + line);
        for (int i = 0; i < labels.size(); i++) {
            int row = top + (i + 2) * line + 8;
            g.setColor(COLOURS[i % COLOURS.length]);
            MARKERS[i % MARKERS.length].paint(g, x + 40, row - 5, 10);
            SeriesMarkers.CROSS.paint(g, x + 60, row - 5, 10);
            g.setColor(Color.BLACK);
            g.drawString(labels.get(i), x + 80, row);
        }
    }
}
