package org.jmultiprocessing.internal.manager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.internal.process.ProcessBackend;
import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.PeerGoneException;
import org.jmultiprocessing.spi.QueueChannel;
import org.junit.jupiter.api.Test;

/** The server of the process backend's manager: its key, its death, its end. Real child JVMs. */
class ManagerServerTest {
    private static ServerManagers.ServerManager start() {
        return (ServerManagers.ServerManager) ProcessBackend.INSTANCE.managers().start();
    }

    @Test
    void shouldFailAWaitingAndALaterCallAtOnceWhenTheServerIsKilled() throws Exception {
        ServerManagers.ServerManager manager = start();
        try {
            Map<Object, Object> dict = manager.dict();
            dict.put("a", 1);
            QueueChannel queue = manager.objects().channels().queue(0);
            CompletableFuture<Object> waiting = CompletableFuture.supplyAsync(() -> queue.receive(Deadline.FOREVER));
            // Time for the call to reach the server; one that has not yet fails as promptly, at its connect.
            Thread.sleep(500);
            assertFalse(waiting.isDone());
            ProcessHandle.of(manager.server().pid()).orElseThrow().destroyForcibly();
            ExecutionException failed = assertThrows(ExecutionException.class, () -> waiting.get(30, TimeUnit.SECONDS));
            assertTrue(failed.getCause() instanceof PeerGoneException, failed.getCause().toString());
            assertTrue(failed.getCause().getMessage().contains("the manager's server is gone"), failed.getCause().getMessage());
            PeerGoneException later = assertThrows(PeerGoneException.class, () -> dict.put("b", 2));
            assertTrue(later.getMessage().contains("start a new manager"), later.getMessage());
            assertTrue(manager.server().join(Deadline.deadlineAfter(30_000_000_000L)));
            assertFalse(manager.isRunning());
        } finally {
            manager.shutdown();
        }
        assertFalse(Files.exists(manager.address()), "socket left behind: " + manager.address());
    }

    @Test
    void shouldRefuseAConnectionWithTheWrongKeyAndServeOthers() {
        ServerManagers.ServerManager manager = start();
        try {
            byte[] wrong = Session.current().authKey();
            wrong[0] ^= 1;
            SecurityException refused = assertThrows(SecurityException.class,
                    () -> ServerConnection.open(manager.address().toString(), wrong));
            assertTrue(refused.getMessage().contains("refused this process's key"), refused.getMessage());
            List<Object> list = manager.list();
            list.add("still serving");
            assertEquals(List.of("still serving"), Arrays.asList(list.toArray()));
        } finally {
            manager.shutdown();
        }
    }

    @Test
    void shouldEndTheServerAndDeleteItsSocketOnShutdown() throws Exception {
        ServerManagers.ServerManager manager = start();
        Map<Object, Object> dict = manager.dict();
        dict.put("k", "v");
        assertTrue(Files.exists(manager.address()));
        manager.shutdown();
        assertFalse(manager.server().isAlive());
        assertEquals(0, manager.server().exitCode(), "the server exits by itself when asked to stop");
        assertFalse(Files.exists(manager.address()), "socket left behind: " + manager.address());
        try (var left = Files.list(manager.address().getParent())) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().contains("manager")).toList());
        }
        PeerGoneException gone = assertThrows(PeerGoneException.class, () -> dict.get("k"));
        assertTrue(gone.getMessage().contains("the manager's server is gone"), gone.getMessage());
    }
}
