package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Python's {@code log_to_stderr()} and {@code get_logger()}, with child JVMs and pool workers inheriting it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoggingTest {
    @AfterEach
    void stderrLoggingOff() {
        Multiprocessing.logToStderr(Level.OFF);
    }

    @Test
    void shouldLogAChildsLifecycleInTheChildWithItsName() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            System.Logger logger = Multiprocessing.logToStderr(Level.INFO);
            assertSame(Multiprocessing.getLogger(), logger);
            assertTrue(logger.isLoggable(Level.INFO));
            assertFalse(logger.isLoggable(Level.DEBUG));
            Process child = new Process(() -> Multiprocessing.getLogger().log(Level.INFO, "working"));
            child.start();
            child.join();
            String name = child.name();
            String err = output.err();
            assertTrue(err.contains("[INFO/" + name + "] child process calling self.run()\n"
                    + "[INFO/" + name + "] working\n"
                    + "[INFO/" + name + "] process exiting with exitcode 0\n"), err);
            logger.log(Level.WARNING, "in the parent");
            assertTrue(output.err().contains("[WARNING/MainProcess] in the parent\n"), output.err());
        }
    }

    @Test
    void shouldLogAPoolsLifecycleAtDebugAndPassTheLevelToItsWorkers() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            Multiprocessing.logToStderr(Level.DEBUG);
            try (Pool pool = new Pool(1)) {
                assertEquals(List.of(4), pool.map((Integer x) -> {
                    Multiprocessing.getLogger().log(Level.DEBUG, "squaring {0}", x);
                    return x * x;
                }, List.of(2)));
            }
            String err = output.err();
            assertTrue(err.contains("[DEBUG/MainProcess] pool of 1 workers started (process)\n"), err);
            assertTrue(err.contains("[DEBUG/MainProcess] closing pool\n"), err);
            assertTrue(err.matches("(?s).*\\[DEBUG/[\\w-]+] squaring 2\n.*"), "the worker logs at the level it inherited: " + err);
        }
    }

    @Test
    void shouldBeQuietUntilTurnedOnAndAfterTurnedOff() throws Exception {
        try (CapturedOutput output = new CapturedOutput()) {
            assertFalse(Multiprocessing.getLogger().isLoggable(Level.INFO));
            Process quiet = new Process(() -> Multiprocessing.getLogger().log(Level.INFO, "unseen"));
            quiet.start();
            quiet.join();
            Multiprocessing.logToStderr(Level.INFO);
            Multiprocessing.logToStderr(Level.OFF);
            Multiprocessing.getContext("thread").pool(1).terminate();
            Multiprocessing.getLogger().log(Level.INFO, "unseen too");
            String err = output.err();
            assertFalse(err.contains("unseen") || err.contains("self.run()") || err.contains("pool"), err);
        }
    }
}
