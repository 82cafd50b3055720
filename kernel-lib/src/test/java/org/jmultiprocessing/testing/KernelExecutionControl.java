package org.jmultiprocessing.testing;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution engine as the Java kernels set it up: snippets run in this JVM, loaded as by JShell's
 * local engine, and every snippet runs on one long-lived thread, as JJava and IJava run every cell. What
 * one cell leaves held by the current thread (an {@code RLock}, a {@code Condition}'s lock) is still held by
 * the current thread in the next cell. JShell's own local engine starts a new thread for each snippet.
 *
 * <p>JJava's cell thread comes from a cached thread pool, which replaces it after a minute without a running
 * cell; this one stays, as it does in a kernel whose cells follow each other closely (a notebook check).
 */
public final class KernelExecutionControl extends DirectExecutionControl {
    /** Shaped like JJava's cell thread names, {@code jjava-exec-<six random letters>-<n>}. */
    public static final String CELL_THREAD_NAME = "jjava-exec-jshell-0";

    private final ExecutorService cellThread;
    private volatile Future<Object> running;

    private KernelExecutionControl() {
        // DefaultLoaderDelegate, made by super(), sets its snippet class loader as this thread's context loader;
        // the cell thread needs it too, as the kernel's does (objects of cell classes arrive through it).
        ClassLoader snippets = Thread.currentThread().getContextClassLoader();
        cellThread = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, CELL_THREAD_NAME);
            thread.setContextClassLoader(snippets);
            return thread;
        });
    }

    /** For {@code JShell.builder().executionEngine(KernelExecutionControl.provider(), Map.of())}. */
    public static ExecutionControlProvider provider() {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "kernel";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return new KernelExecutionControl();
            }
        };
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Future<Object> snippet = cellThread.submit(() -> doitMethod.invoke(null));
        running = snippet;
        try {
            return valueString(snippet.get());
        } catch (CancellationException e) {
            throw new StoppedException();
        } catch (ExecutionException e) {
            // The InvocationTargetException of the snippet's exception: DirectExecutionControl reports its cause.
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        } finally {
            running = null;
        }
    }

    /** Interrupts the running snippet, as the kernels' interrupt does; the cell thread stays for the next one. */
    @Override
    public void stop() {
        Future<Object> snippet = running;
        if (snippet != null) {
            snippet.cancel(true);
        }
    }

    @Override
    public void close() {
        cellThread.shutdownNow();
        super.close();
    }
}
