package org.jmultiprocessing.notebooks;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the kernel's {@code display(Object)} (JJava and IJava both import one into every notebook):
 * records that something was displayed, so a cell's {@code display_data} outputs can be counted.
 */
public final class Display {
    private static final List<String> SHOWN = new ArrayList<>();

    private Display() {
    }

    /** Records a {@code display_data} output; returns a display id, as the kernels do. */
    public static synchronized String display(Object value) {
        SHOWN.add("display_data");
        return "display-" + SHOWN.size();
    }

    /** The outputs recorded since the last call. */
    static synchronized List<String> drain() {
        List<String> shown = List.copyOf(SHOWN);
        SHOWN.clear();
        return shown;
    }
}
