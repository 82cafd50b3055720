package org.jmultiprocessing.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** kernel-lib's advantage over each CPython start method, per scenario, as a PNG for the README. */
final class Chart {
    static final int WIDTH = 900;
    static final int HEIGHT = 520;

    private Chart() {
    }

    static CategoryChart of(List<ScenarioResult> results) {
        List<ScenarioResult> compared = results.stream().filter(result -> !result.cpythonRows().isEmpty()).toList();
        List<String> scenarios = compared.stream().map(Chart::label).toList();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("kernel-lib beside CPython's multiprocessing (medians)")
                .yAxisTitle("kernel-lib advantage (×, > 1 = kernel-lib better)").build();
        CategoryStyler styler = chart.getStyler();
        styler.setYAxisLogarithmic(true);
        styler.setYAxisDecimalPattern("0.##");
        styler.setXAxisTitleVisible(false);
        styler.setXAxisLabelRotation(30);
        styler.setPlotGridVerticalLinesVisible(false);
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        Font text = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
        styler.setAxisTitleFont(text);
        styler.setAxisTickLabelsFont(text);
        styler.setLegendFont(text);
        List<Double> all = new ArrayList<>(List.of(1.0));
        for (int i = 0; i < compared.get(0).cpythonRows().size(); i++) { // every scenario has the same CPython rows
            int row = i;
            List<Double> advantages = compared.stream().map(result -> result.advantageOver(result.cpythonRows().get(row))).toList();
            chart.addSeries("vs " + compared.get(0).cpythonRows().get(row).implementation(), scenarios, advantages);
            all.addAll(advantages);
        }
        // XChart starts a bar chart's axis at 0, which a log axis cannot show; it labels only powers of ten, so
        // the axis spans whole powers of ten around the data.
        styler.setYAxisMin(Math.pow(10, Math.floor(Math.log10(Collections.min(all)))));
        styler.setYAxisMax(Math.pow(10, Math.ceil(Math.log10(Collections.max(all)))));
        CategorySeries parity = chart.addSeries("1× (as fast as CPython)", scenarios, Collections.nCopies(scenarios.size(), 1.0));
        parity.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line).setMarker(SeriesMarkers.NONE)
                .setLineColor(Color.BLACK).setLineStyle(new BasicStroke(1.5f));
        return chart;
    }

    /** The scenario's chart label, naming kernel-lib's configuration when it has several: "Pool ready (standby)". */
    private static String label(ScenarioResult result) {
        String configuration = result.scenario().kernelLib().get(0).name();
        return result.scenario().chartLabel() + (configuration.isEmpty() ? "" : " (" + configuration + ")");
    }

    static void write(Path png, List<ScenarioResult> results) throws IOException {
        try (OutputStream out = Files.newOutputStream(png)) {
            BitmapEncoder.saveBitmap(of(results), out, BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
