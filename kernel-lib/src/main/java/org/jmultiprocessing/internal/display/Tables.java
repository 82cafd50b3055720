package org.jmultiprocessing.internal.display;

import org.jmultiprocessing.spi.PoolWorkerRow;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rich forms of the library's objects as a cell's last value shows them: an HTML table beside the
 * object's repr as text/plain (so a saved notebook, a handout or a text-only front end still reads it).
 */
public final class Tables {
    /** Values of an Array shown before the rest is summed up as "... (n more)". */
    static final int ARRAY_CELLS_SHOWN = 16;

    /** One process row: {@code pid} and {@code exitCode} are {@code null} when there is none (yet). */
    public record ProcessRow(String name, Long pid, String state, String exitCode, boolean daemon) {
    }

    private Tables() {
    }

    public static Map<String, String> processes(String repr, List<ProcessRow> rows) {
        StringBuilder html = new StringBuilder("<table class=\"jmp-processes\"><tr><th>name</th><th>pid</th><th>state</th>"
                + "<th>exit code</th><th>daemon</th></tr>");
        for (ProcessRow row : rows) {
            html.append("<tr>").append(cell(row.name())).append(cell(row.pid() == null ? "" : row.pid().toString()))
                    .append(cell(row.state())).append(cell(row.exitCode() == null ? "" : row.exitCode()))
                    .append(cell(row.daemon() ? "yes" : "no")).append("</tr>");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"5\">no processes</td></tr>");
        }
        return bundle(repr, html.append("</table>").toString());
    }

    public static Map<String, String> pool(String repr, List<PoolWorkerRow> workers) {
        StringBuilder html = new StringBuilder("<div class=\"jmp-pool\"><code>").append(Html.escape(repr)).append("</code>")
                .append("<table><tr><th>worker pid</th><th>items done</th><th>running now</th></tr>");
        for (PoolWorkerRow w : workers) {
            html.append("<tr>").append(cell(Long.toString(w.pid()))).append(cell(Long.toString(w.itemsDone())))
                    .append(cell(w.runningCall() == null ? "idle"
                            : w.runningCall() + ": " + w.runningItems() + (w.runningItems() == 1 ? " item" : " items")))
                    .append("</tr>");
        }
        if (workers.isEmpty()) {
            html.append("<tr><td colspan=\"3\">no worker running</td></tr>");
        }
        return bundle(repr, html.append("</table></div>").toString());
    }

    /** @param maxsize 0 or less for an unbounded queue */
    public static Map<String, String> queue(String repr, String kind, int qsize, int maxsize) {
        String html = "<table class=\"jmp-queue\"><tr><th>queue</th><th>items</th><th>maxsize</th></tr><tr>"
                + cell(kind) + cell(Integer.toString(qsize)) + cell(maxsize > 0 ? Integer.toString(maxsize) : "unbounded")
                + "</tr></table>";
        return bundle(repr, html);
    }

    /** A shared Value or Array: its type (e.g. {@code Value<int>}) and its values, numbered. */
    public static Map<String, String> cells(String repr, String type, List<?> values) {
        StringBuilder html = new StringBuilder("<table class=\"jmp-cells\"><tr><th>").append(Html.escape(type)).append("</th>");
        int shown = Math.min(values.size(), ARRAY_CELLS_SHOWN);
        if (values.size() > 1 || type.startsWith("Array")) {
            for (int i = 0; i < shown; i++) {
                html.append("<th>").append(i).append("</th>");
            }
        }
        html.append("</tr><tr><td></td>");
        for (int i = 0; i < shown; i++) {
            html.append(cell(String.valueOf(values.get(i))));
        }
        if (values.size() > shown) {
            html.append(cell("... (" + (values.size() - shown) + " more)"));
        }
        return bundle(repr, html.append("</tr></table>").toString());
    }

    private static String cell(String text) {
        return "<td>" + Html.escape(text) + "</td>";
    }

    private static Map<String, String> bundle(String repr, String html) {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", repr);
        bundle.put("text/html", html);
        return bundle;
    }
}
