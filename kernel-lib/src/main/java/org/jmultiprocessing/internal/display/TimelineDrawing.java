package org.jmultiprocessing.internal.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jmultiprocessing.internal.runtime.ExitCodes;

/**
 * A {@link TimelineRecorder.Recording} as text (one block per process, in order of start) and as an SVG
 * Gantt chart: one lane per process coloured by how it ended, its pool tasks as bars inside the lane, marks
 * as dots, and a hover title on every shape.
 */
public final class TimelineDrawing {
    private static final int LABEL_WIDTH = 190;
    private static final int PLOT_WIDTH = 620;
    private static final int LANE_HEIGHT = 24;
    private static final int TOP = 8;
    private static final int AXIS_HEIGHT = 28;
    private static final int TICKS = 5;

    private TimelineDrawing() {
    }

    /** The lanes to draw: the recorded ones, plus one for each process that marked without a recorded start. */
    private static List<TimelineRecorder.Lane> lanes(TimelineRecorder.Recording r) {
        Map<Long, TimelineRecorder.Lane> lanes = new LinkedHashMap<>();
        r.lanes().forEach(lane -> lanes.put(lane.pid(), lane));
        for (TimelineRecorder.Mark mark : r.marks()) {
            lanes.putIfAbsent(mark.pid(), new TimelineRecorder.Lane(mark.pid(), "pid " + mark.pid(), r.startNanos(), -1, null));
        }
        for (TimelineRecorder.Task task : r.tasks()) {
            lanes.putIfAbsent(task.pid(), new TimelineRecorder.Lane(task.pid(), "pid " + task.pid(), r.startNanos(), -1, null));
        }
        return new ArrayList<>(lanes.values());
    }

    /**
     * E.g.
     * <pre>
     * timeline over 1.250 s: 3 processes, 4 tasks, 1 mark
     * MainProcess (pid 100): 0.000 s - running
     *   mark at 0.900 s: all started
     * Process-1 (pid 101): 0.010 s - 0.520 s, exit code 0
     * </pre>
     */
    public static String text(TimelineRecorder.Recording r) {
        List<TimelineRecorder.Lane> lanes = lanes(r);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "timeline over %s: %d %s, %d %s, %d %s%n",
                seconds(r.endNanos() - r.startNanos()), lanes.size(), plural(lanes.size(), "process", "processes"),
                r.tasks().size(), plural(r.tasks().size(), "task", "tasks"), r.marks().size(), plural(r.marks().size(), "mark", "marks")));
        for (TimelineRecorder.Lane lane : lanes) {
            out.append(lane.name()).append(" (pid ").append(lane.pid()).append("): ")
                    .append(seconds(lane.startNanos() - r.startNanos())).append(" - ")
                    .append(lane.endNanos() < 0 ? "running" : seconds(lane.endNanos() - r.startNanos()) + ", " + ending(lane))
                    .append(System.lineSeparator());
            for (TimelineRecorder.Task task : r.tasks()) {
                if (task.pid() == lane.pid()) {
                    out.append("  ").append(task.call()).append(' ').append(task.items())
                            .append(task.items() == 1 ? " item: " : " items: ").append(seconds(task.startNanos() - r.startNanos()))
                            .append(" - ").append(seconds(task.endNanos() - r.startNanos()))
                            .append(task.succeeded() ? "" : ", failed").append(System.lineSeparator());
                }
            }
            for (TimelineRecorder.Mark mark : r.marks()) {
                if (mark.pid() == lane.pid()) {
                    out.append("  mark at ").append(seconds(mark.nanos() - r.startNanos())).append(": ").append(mark.text())
                            .append(System.lineSeparator());
                }
            }
        }
        return out.toString();
    }

    public static String svg(TimelineRecorder.Recording r) {
        List<TimelineRecorder.Lane> lanes = lanes(r);
        long span = Math.max(1, r.endNanos() - r.startNanos());
        int height = TOP + lanes.size() * LANE_HEIGHT + AXIS_HEIGHT;
        int width = LABEL_WIDTH + PLOT_WIDTH + 20;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "font-family=\"sans-serif\" font-size=\"12\">", width, height, width, height));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>");
        for (int i = 0; i < lanes.size(); i++) {
            TimelineRecorder.Lane lane = lanes.get(i);
            int y = TOP + i * LANE_HEIGHT;
            svg.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\">%s</text>", y + 16,
                    Html.escape(lane.name() + " (" + lane.pid() + ")")));
            double x0 = x(lane.startNanos(), r, span);
            double x1 = x(lane.endNanos() < 0 ? r.endNanos() : lane.endNanos(), r, span);
            String title = lane.name() + " (pid " + lane.pid() + "): " + seconds(lane.startNanos() - r.startNanos()) + " - "
                    + (lane.endNanos() < 0 ? "running" : seconds(lane.endNanos() - r.startNanos()) + ", " + ending(lane));
            svg.append(String.format(Locale.ROOT,
                    "<rect class=\"lane\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                    x0, y + 3, Math.max(1, x1 - x0), LANE_HEIGHT - 6, laneColour(lane), Html.escape(title)));
            for (TimelineRecorder.Task task : r.tasks()) {
                if (task.pid() == lane.pid()) {
                    double t0 = x(task.startNanos(), r, span);
                    double t1 = x(task.endNanos(), r, span);
                    String taskTitle = task.call() + ", " + task.items() + (task.items() == 1 ? " item: " : " items: ")
                            + seconds(task.startNanos() - r.startNanos()) + " - " + seconds(task.endNanos() - r.startNanos())
                            + (task.succeeded() ? "" : ", failed");
                    svg.append(String.format(Locale.ROOT,
                            "<rect class=\"task\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\" stroke=\"white\" "
                                    + "stroke-width=\"0.5\"><title>%s</title></rect>",
                            t0, y + 7, Math.max(1, t1 - t0), LANE_HEIGHT - 14, task.succeeded() ? "#3182bd" : "#de2d26",
                            Html.escape(taskTitle)));
                }
            }
            for (TimelineRecorder.Mark mark : r.marks()) {
                if (mark.pid() == lane.pid()) {
                    svg.append(String.format(Locale.ROOT,
                            "<circle class=\"mark\" cx=\"%.1f\" cy=\"%d\" r=\"4\" fill=\"#756bb1\"><title>%s</title></circle>",
                            x(mark.nanos(), r, span), y + LANE_HEIGHT / 2,
                            Html.escape(seconds(mark.nanos() - r.startNanos()) + ": " + mark.text())));
                }
            }
        }
        int axisY = TOP + lanes.size() * LANE_HEIGHT + 4;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#666\"/>",
                LABEL_WIDTH, axisY, LABEL_WIDTH + PLOT_WIDTH, axisY));
        for (int i = 0; i <= TICKS; i++) {
            double x = LABEL_WIDTH + (double) PLOT_WIDTH * i / TICKS;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#666\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                    x, axisY, x, axisY + 4, x, axisY + 18, seconds(span * i / TICKS)));
        }
        return svg.append("</svg>").toString();
    }

    private static double x(long nanos, TimelineRecorder.Recording r, long span) {
        double fraction = (double) (Math.min(Math.max(nanos, r.startNanos()), r.endNanos()) - r.startNanos()) / span;
        return LABEL_WIDTH + fraction * PLOT_WIDTH;
    }

    /** Running blue, exit 0 green, another exit code orange, ended by a signal red. */
    private static String laneColour(TimelineRecorder.Lane lane) {
        if (lane.exitCode() == null) {
            return "#c6dbef";
        }
        return lane.exitCode() == 0 ? "#c7e9c0" : lane.exitCode() > 0 ? "#fdd0a2" : "#fcbba1";
    }

    private static String ending(TimelineRecorder.Lane lane) {
        int code = lane.exitCode();
        if (code >= 0) {
            return "exit code " + code;
        }
        String signal = ExitCodes.describe(code).substring(1);
        return "ended by " + (signal.startsWith("SIG") ? signal : "signal " + signal);
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f s", nanos / 1e9);
    }

    private static String plural(int n, String one, String many) {
        return n == 1 ? one : many;
    }
}
