package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.jmultiprocessing.AsyncResult;
import org.jmultiprocessing.Pool;
import org.jmultiprocessing.Process;
import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A member killed with SIGKILL during a map: its chunks run again on the others, every result once. Runs
 * last (it leaves the shared cluster a member short), then closes the cluster and checks nothing is left.
 */
@ExtendWith(SharedCluster.class)
@Order(Integer.MAX_VALUE)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultTest {
    @Test
    @Order(1)
    void shouldRerunTheChunksOfAKilledMemberOnTheOthers() throws Exception {
        Cluster cluster = SharedCluster.cluster();
        List<Cluster.Member> members = cluster.members();
        Cluster.Member victim = members.get(members.size() - 1);
        List<Integer> input = IntStream.range(0, 60).boxed().toList();
        try (Pool pool = cluster.context().pool(6); CapturedOutput output = new CapturedOutput()) {
            // One process per member (members are taken in turn): the victim's ends with exit code 1 when it dies.
            List<Process> sleepers = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Process sleeper = cluster.context().process(() -> Thread.sleep(20_000));
                sleeper.start();
                sleepers.add(sleeper);
            }
            AsyncResult<List<Integer>> squares = pool.mapAsync((Integer x) -> {
                System.out.println("item " + x + " on " + ProcessHandle.current().pid());
                Thread.sleep(100);
                return x * x;
            }, input, 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!output.out().contains(" on " + victim.pid() + "\n")) {
                assertTrue(System.nanoTime() < deadline, "the victim never ran a chunk");
                Thread.sleep(10);
            }
            ProcessHandle.of(victim.pid()).orElseThrow().destroyForcibly();
            assertFalse(squares.ready(), "killed during the map");
            assertEquals(input.stream().map(x -> x * x).toList(), squares.get(Duration.ofSeconds(60)));
            assertEquals(members.size() - 1, cluster.members().size());
            Process onVictim = sleepers.stream().filter(p -> p.pid() == victim.pid()).findFirst().orElseThrow();
            assertTrue(onVictim.join(Duration.ofSeconds(10)));
            assertEquals(1, onVictim.exitCode());
            assertTrue(output.err().contains("its cluster member " + victim.address() + " (pid " + victim.pid()
                    + ") left the cluster while it ran"), output.err());
            for (Process sleeper : sleepers) {
                sleeper.terminate();
            }
        }
    }

    @Test
    @Order(2)
    void shouldLeaveNoMemberRunningOnceClosed() throws InterruptedException {
        List<Long> pids = SharedCluster.cluster().members().stream().map(Cluster.Member::pid).toList();
        SharedCluster.stop();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        for (long pid : pids) {
            while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                assertTrue(System.nanoTime() < deadline, "member " + pid + " still runs after close");
                Thread.sleep(20);
            }
        }
    }
}
