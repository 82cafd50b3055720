package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.jshell.EvalException;
import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a notebook cell reaches of the internals: a cell sees kernel-lib on the classpath, where
 * module-info does not apply, so the internal hooks themselves refuse callers other than the library.
 */
class JShellInternalsTest {
    private JShellNotebook notebook;

    @BeforeEach
    void openShell() {
        notebook = new JShellNotebook();
    }

    @AfterEach
    void closeShell() {
        notebook.close();
    }

    @Test
    void shouldRefuseACellThatRegistersItsOwnProcessAccess() {
        notebook.run("""
                class Hijack implements org.jmultiprocessing.internal.runtime.Internals.ProcessAccess {
                    public int runAsCurrent(Process process, long parentPid) { return 0; }
                    public Process view(String name, int[] identity, long pid) { return null; }
                    public int[] identity(Process process) { return new int[0]; }
                    public org.jmultiprocessing.internal.ship.ProcessParts parts(Process process) { return null; }
                    public Process rebuild(org.jmultiprocessing.internal.ship.ProcessParts parts) { return null; }
                }
                """);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> notebook.run("org.jmultiprocessing.internal.runtime.Internals.registerProcessAccess(new Hijack());"));
        EvalException cause = assertInstanceOf(EvalException.class, refused.getCause());
        assertEquals(IllegalCallerException.class.getName(), cause.getExceptionClassName(), cause.getMessage());
        assertTrue(cause.getMessage().contains("only org.jmultiprocessing.Process registers"), cause.getMessage());
        assertEquals("MainProcess", notebook.run("Multiprocessing.currentProcess().name()"), "the library's own access stands");
    }
}
