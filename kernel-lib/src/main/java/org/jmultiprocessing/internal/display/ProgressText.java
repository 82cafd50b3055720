package org.jmultiprocessing.internal.display;

import org.jmultiprocessing.spi.JobProgress;

import java.util.Locale;

/** How a {@link JobProgress.Snapshot} reads: one text line (terminal, text/plain) and an HTML block. */
public final class ProgressText {
    private static final int BAR_WIDTH = 24;

    private ProgressText() {
    }

    /**
     * E.g. {@code map 6/8 [##################------] 75% | 3.1 items/s | elapsed 1.9 s | left 0.6 s | 0 failed | 2 of 2 workers busy};
     * once finished, {@code map 8/8 [########################] 100% | 4.0 items/s | took 2.0 s | 0 failed | done}.
     */
    public static String line(JobProgress.Snapshot s) {
        StringBuilder line = new StringBuilder(s.call()).append(' ');
        if (s.total() >= 0) {
            line.append(s.done() + s.failed()).append('/').append(s.total()).append(" [");
            int filled = (int) (BAR_WIDTH * fraction(s));
            line.append("#".repeat(filled)).append("-".repeat(BAR_WIDTH - filled)).append("] ")
                    .append((int) Math.floor(100 * fraction(s))).append('%');
        } else {
            line.append(s.done() + s.failed()).append(" items");
        }
        line.append(" | ").append(rate(s)).append(" items/s");
        if (s.finished()) {
            line.append(" | took ").append(seconds(s.elapsedNanos()));
        } else {
            line.append(" | elapsed ").append(seconds(s.elapsedNanos()));
            long left = remainingNanos(s);
            if (left >= 0) {
                line.append(" | left ").append(seconds(left));
            }
        }
        line.append(" | ").append(s.failed()).append(" failed");
        if (s.finished()) {
            line.append(" | done");
        } else {
            long busy = s.workers().stream().filter(w -> w.running() > 0).count();
            line.append(" | ").append(busy).append(" of ").append(s.workers().size()).append(" workers busy");
        }
        return line.toString();
    }

    /** A bar, the figures of {@link #line}, and a table of the workers: pid, items done, items running now. */
    public static String html(JobProgress.Snapshot s) {
        double fraction = s.total() >= 0 ? fraction(s) : 0;
        String colour = s.failed() > 0 ? "#d9534f" : s.finished() ? "#5cb85c" : "#337ab7";
        StringBuilder html = new StringBuilder("<div class=\"jmp-progress\">");
        html.append("<div style=\"font-family:monospace\"><b>").append(Html.escape(s.call())).append("</b> ");
        if (s.total() >= 0) {
            html.append(s.done() + s.failed()).append('/').append(s.total()).append(" items, ")
                    .append((int) Math.floor(100 * fraction)).append('%');
        } else {
            html.append(s.done() + s.failed()).append(" items");
        }
        html.append("</div>");
        html.append("<div style=\"width:24em;height:1em;border:1px solid #999;background:#eee\">")
                .append("<div style=\"height:100%;width:").append(String.format(Locale.ROOT, "%.1f", 100 * fraction))
                .append("%;background:").append(colour).append("\"></div></div>");
        html.append("<div style=\"font-family:monospace\">").append(rate(s)).append(" items/s &middot; ");
        if (s.finished()) {
            html.append("took ").append(seconds(s.elapsedNanos()));
        } else {
            html.append("elapsed ").append(seconds(s.elapsedNanos()));
            long left = remainingNanos(s);
            if (left >= 0) {
                html.append(" &middot; left ").append(seconds(left));
            }
        }
        html.append(" &middot; ").append(s.failed()).append(" failed").append(s.finished() ? " &middot; done" : "").append("</div>");
        if (!s.workers().isEmpty()) {
            html.append("<table><tr><th>worker pid</th><th>items done</th><th>running now</th></tr>");
            for (JobProgress.Worker w : s.workers()) {
                html.append("<tr><td>").append(w.pid()).append("</td><td>").append(w.done()).append("</td><td>")
                        .append(w.running() > 0 ? w.running() + (w.running() == 1 ? " item" : " items") : "idle").append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.append("</div>").toString();
    }

    private static double fraction(JobProgress.Snapshot s) {
        return s.total() <= 0 ? (s.finished() ? 1 : 0) : Math.min(1, (double) (s.done() + s.failed()) / s.total());
    }

    private static String rate(JobProgress.Snapshot s) {
        double secs = s.elapsedNanos() / 1e9;
        return String.format(Locale.ROOT, "%.1f", secs > 0 ? (s.done() + s.failed()) / secs : 0.0);
    }

    /** From the rate so far; -1 when it cannot be told yet (total unknown, nothing done). */
    private static long remainingNanos(JobProgress.Snapshot s) {
        long processed = s.done() + s.failed();
        if (s.total() < 0 || processed == 0) {
            return -1;
        }
        return (long) ((double) s.elapsedNanos() / processed * Math.max(0, s.total() - processed));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
