package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Python's {@code parent_process()} of an orphan: in a child whose parent died, {@code is_alive()} is false
 * and {@code join()} returns. The library ends an orphan shortly after, so the grandchild here watches its
 * parent closely and reports through shared values at once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrphanTest {
    private static final int WATCHING = 1;
    private static final int SAW_DEATH = 2;
    private static final int JOINED = 3;

    @Test
    void shouldSeeItsParentDieAndJoinIt() throws Exception {
        Value.OfInt state = Value.ofInt(0);
        Value.OfInt parentAliveAtStart = Value.ofInt(0);
        Process parent = new Process((Value.OfInt s, Value.OfInt aliveAtStart) -> {
            Process orphan = new Process((Value.OfInt st, Value.OfInt alive) -> {
                Process mine = Multiprocessing.parentProcess();
                alive.set(mine.isAlive() && !mine.join(Duration.ZERO) ? 1 : -1);
                st.set(WATCHING);
                while (mine.isAlive()) {
                    Thread.onSpinWait();
                }
                st.set(SAW_DEATH);
                if (mine.join(Duration.ZERO)) {
                    st.set(JOINED);
                }
            }, s, aliveAtStart);
            orphan.start();
            Thread.sleep(60_000);
        }, state, parentAliveAtStart);
        parent.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (state.get() != WATCHING && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(WATCHING, state.get(), "the grandchild did not start watching its parent");
        assertEquals(1, parentAliveAtStart.get(), "a running parent is alive, and join(0) does not return true");

        parent.kill();
        parent.join();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (state.get() != JOINED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(JOINED, state.get(), "the orphan's parentProcess() must be dead (isAlive false) and joinable");
    }
}
