package org.jmultiprocessing;

import java.util.ArrayList;
import java.util.List;

import org.jmultiprocessing.internal.display.JupyterKernel;
import org.jmultiprocessing.internal.display.Tables;

/**
 * Registers with a Jupyter kernel's renderer (when this JVM runs one) how a cell ending with a Process, Pool,
 * Queue, Value, Array or {@link Multiprocessing#activeChildren()} is shown: an HTML table, beside the repr
 * as text/plain. Done once per JVM, by the first such object created; without a kernel (or in a child
 * process) nothing happens.
 */
final class RichDisplay {
    private static volatile boolean installed;

    private RichDisplay() {
    }

    static void install() {
        if (installed) {
            return;
        }
        synchronized (RichDisplay.class) {
            if (installed) {
                return;
            }
            installed = true;
            // A child process never runs a notebook kernel: spare its start-up the search.
            JupyterKernel kernel = Multiprocessing.parentProcess() == null ? JupyterKernel.current() : null;
            if (kernel == null) {
                return;
            }
            kernel.registerRenderer(Process.class, p -> Tables.processes(p.toString(), List.of(p.displayRow())));
            kernel.registerRenderer(ActiveChildren.class, children -> {
                List<Tables.ProcessRow> rows = new ArrayList<>();
                children.forEach(p -> rows.add(p.displayRow()));
                return Tables.processes(children.toString(), rows);
            });
            kernel.registerRenderer(Pool.class, pool -> Tables.pool(pool.toString(), pool.workerActivity()));
            kernel.registerRenderer(Queue.class, q -> Tables.queue(q.toString(), q.getClass().getSimpleName(), q.qsize(), q.maxsize()));
            kernel.registerRenderer(Value.class, v -> Tables.cells(v.toString(), typeOf(v.toString(), '('), List.of(call(v, "get"))));
            kernel.registerRenderer(Array.class, a -> Tables.cells(a.toString(), typeOf(a.toString(), '['), elements(call(a, "toArray"))));
        }
    }

    /** The typed accessor each Value and Array kind has ({@code get}, {@code toArray}), called without knowing the kind. */
    private static Object call(Object target, String method) {
        try {
            return target.getClass().getMethod(method).invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(target.getClass() + " has no " + method + "()", e);
        }
    }

    private static List<Object> elements(Object primitiveArray) {
        List<Object> list = new ArrayList<>();
        for (int i = 0; i < java.lang.reflect.Array.getLength(primitiveArray); i++) {
            list.add(java.lang.reflect.Array.get(primitiveArray, i));
        }
        return list;
    }

    /** The type part of a repr such as {@code Value<int>(5)} or {@code Array<int>[1, 2]}. */
    private static String typeOf(String repr, char end) {
        int at = repr.indexOf(end);
        return at < 0 ? repr : repr.substring(0, at);
    }

    /** What {@link Multiprocessing#activeChildren()} returns: a plain list, shown as a table in a notebook. */
    static final class ActiveChildren extends ArrayList<Process> {
        private static final long serialVersionUID = 1L;

        ActiveChildren(List<Process> processes) {
            super(processes);
        }
    }
}
