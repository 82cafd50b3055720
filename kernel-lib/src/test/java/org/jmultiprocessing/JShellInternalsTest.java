package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a notebook cell reaches of the internals: a cell sees kernel-lib on the classpath, where
 * module-info does not apply, so the internal entry points that could bypass the public classes are not
 * public. Each of these compiled in a cell before the seam.
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
    void shouldNotCompileACellThatMakesASharedMemoryFileDirectly() {
        assertNotReachable("org.jmultiprocessing.internal.shm.SharedRegion.create(\"lock\", 64);", "create");
        assertNotReachable("org.jmultiprocessing.internal.shm.SharedRegion.attach(java.nio.file.Path.of(\"/tmp/x\"));", "attach");
    }

    @Test
    void shouldNotCompileACellThatSetsChildJvmOptionsAroundTheirCheck() {
        assertNotReachable("org.jmultiprocessing.internal.launch.Launcher.setExtraJvmOptions(java.util.List.of(\"x\"));",
                "setExtraJvmOptions");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> notebook.run("Multiprocessing.setJvmOptions(\"x\");"));
        assertTrue(refused.getCause().getMessage().contains("JVM options start with '-'"), refused.getCause().getMessage());
    }

    @Test
    void shouldNotCompileACellThatReplacesHowTheLibraryReachesIntoProcess() {
        assertNotReachable("org.jmultiprocessing.internal.runtime.Internals.registerProcessAccess(null);",
                "registerProcessAccess");
        assertEquals("MainProcess", notebook.run("Multiprocessing.currentProcess().name()"));
    }

    private void assertNotReachable(String cell, String name) {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> notebook.run(cell));
        assertTrue(refused.getMessage().startsWith("cell does not compile"), refused.getMessage());
        assertTrue(refused.getMessage().contains(name), refused.getMessage());
    }
}
