package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Listener and Client between Java peers: framing, authentication both ways, end-of-file, clean-up. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ListenerTest {
    private static final byte[] KEY = "the key".getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldCarryObjectsAndBytesBothWaysOverAUnixSocket(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("work.sock");
        try (Listener listener = new Listener(socket.toString(), KEY)) {
            assertEquals(socket.toString(), listener.address());
            CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(listener::accept);
            try (Connection client = Client.connect(listener.address(), KEY); Connection server = accepted.get()) {
                client.send(List.of(1, "two", 3.0));
                client.send(null);
                client.sendBytes(new byte[] {1, 2, 3, 4}, 1, 2);
                byte[] big = new byte[3 << 20];
                big[big.length - 1] = 7;
                CompletableFuture<Void> bigSent = CompletableFuture.runAsync(() -> client.sendBytes(big));
                assertEquals(List.of(1, "two", 3.0), server.recv());
                assertNull(server.recv());
                assertArrayEquals(new byte[] {2, 3}, server.recvBytes());
                assertArrayEquals(big, server.recvBytes(), "a message larger than the socket's buffers");
                bigSent.get();
                assertFalse(server.poll());
                assertFalse(server.poll(0.05));
                server.send(Map.of("answer", 42));
                assertTrue(client.poll(10.0));
                assertEquals(Map.of("answer", 42), client.recv());
                assertEquals(socket, client.path());
                client.close();
                assertTrue(server.poll(10.0), "end-of-file makes poll true");
                assertThrows(Connection.EOF.class, server::recv);
                assertThrows(IllegalStateException.class, () -> client.send("closed"));
            }
        }
        assertFalse(Files.exists(socket), "closing the listener deletes its socket file");
    }

    @Test
    void shouldListenOnLoopbackTcpWithAFreePort() throws Exception {
        try (Listener listener = new Listener(":0", KEY)) {
            assertTrue(listener.address().matches("127\\.0\\.0\\.1:\\d+"), listener.address());
            CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(listener::accept);
            try (Connection client = Client.connect(listener.address(), KEY); Connection server = accepted.get()) {
                server.send("hello over TCP");
                assertEquals("hello over TCP", client.recv());
                assertNull(client.path());
            }
        }
    }

    @Test
    void shouldRefuseAWrongKeyOnBothSidesAndKeepListening() throws Exception {
        try (Listener listener = new Listener(KEY)) {
            CompletableFuture<Connection> refused = CompletableFuture.supplyAsync(listener::accept);
            AuthenticationException client = assertThrows(AuthenticationException.class,
                    () -> Client.connect(listener.address(), "another key".getBytes(StandardCharsets.UTF_8)));
            assertTrue(client.getMessage().contains("rejected this authkey"), client.getMessage());
            Throwable server = assertThrows(Exception.class, refused::get).getCause();
            assertInstanceOf(AuthenticationException.class, server);
            assertTrue(server.getMessage().contains("wrong digest"), server.getMessage());

            CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(listener::accept);
            try (Connection good = Client.connect(listener.address(), KEY); Connection server2 = accepted.get()) {
                good.send("still listening");
                assertEquals("still listening", server2.recv());
            }
        }
    }

    @Test
    void shouldDecodeNothingFromAPeerThatSkipsTheHandshake() throws Exception {
        try (Listener listener = new Listener(":0", KEY)) {
            CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(listener::accept);
            String[] hostPort = listener.address().split(":");
            try (Socket raw = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                byte[] serialized = new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5};
                OutputStream out = raw.getOutputStream();
                out.write(ByteBuffer.allocate(4).putInt(serialized.length).array());
                out.write(serialized);
                out.flush();
                Throwable failure = assertThrows(Exception.class, accepted::get).getCause();
                assertInstanceOf(AuthenticationException.class, failure);
            }
        }
    }

    @Test
    void shouldReportAClientThatLeavesDuringTheHandshakeAsAnAuthenticationFailure() throws Exception {
        try (Listener listener = new Listener(":0", KEY)) {
            CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(listener::accept);
            String[] hostPort = listener.address().split(":");
            new Socket(hostPort[0], Integer.parseInt(hostPort[1])).close();
            Throwable failure = assertThrows(Exception.class, accepted::get).getCause();
            assertInstanceOf(AuthenticationException.class, failure);
            assertTrue(failure.getMessage().contains("closed the connection during the handshake"), failure.getMessage());
        }
    }

    @Test
    void shouldRefuseAHandshakeMessageLongerThanPythonAllows() throws Exception {
        try (Listener listener = new Listener(":0", KEY)) {
            CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(listener::accept);
            String[] hostPort = listener.address().split(":");
            try (Socket raw = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
                raw.getOutputStream().write(ByteBuffer.allocate(4).putInt(1 << 30).array());
                Throwable failure = assertThrows(Exception.class, accepted::get).getCause();
                assertInstanceOf(UncheckedIOException.class, failure);
                assertTrue(failure.getMessage().contains("bad message length"), failure.getMessage());
            }
        }
    }

    @Test
    void shouldConnectFromAChildProcess() throws Exception {
        try (Listener listener = new Listener(KEY)) {
            Process child = new Process((String address, byte[] key) -> {
                try (Connection conn = Client.connect(address, key)) {
                    conn.send("hello from pid " + Multiprocessing.pid());
                    conn.send(conn.recv());
                }
            }, listener.address(), KEY);
            child.start();
            try (Connection conn = listener.accept()) {
                assertEquals("hello from pid " + child.pid(), conn.recv());
                conn.send(List.of("echo", 1));
                assertEquals(List.of("echo", 1), conn.recv());
                assertThrows(Connection.EOF.class, conn::recv);
            }
            child.join();
            assertEquals(0, child.exitCode());
        }
    }

    @Test
    void shouldNotPassASocketConnectionToAChild() throws Exception {
        try (Listener listener = new Listener(null)) {
            CompletableFuture<Connection> accepted = CompletableFuture.supplyAsync(listener::accept);
            try (Connection client = Client.connect(listener.address(), null); Connection server = accepted.get()) {
                Process child = new Process((Connection c) -> c.send(1), client);
                NotTransferableException e = assertThrows(NotTransferableException.class, child::start);
                assertTrue(e.getMessage().contains("pass the listener's address"), e.getMessage());
                server.send("unauthenticated but working");
                assertEquals("unauthenticated but working", client.recv());
            }
        }
    }

    @Test
    void shouldExplainBadAddressesAndKeys(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new Listener(":0", new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new Listener("", KEY));
        assertThrows(IllegalArgumentException.class, () -> new Listener("localhost:70000", KEY));
        Path taken = Files.createFile(dir.resolve("taken"));
        UncheckedIOException inUse = assertThrows(UncheckedIOException.class, () -> new Listener(taken.toString(), KEY));
        assertTrue(inUse.getMessage().contains("a file exists there"), inUse.getMessage());
        assertTrue(Files.exists(taken), "a file that was there is left alone");
        UncheckedIOException nobody = assertThrows(UncheckedIOException.class,
                () -> Client.connect(dir.resolve("nobody").toString(), KEY));
        assertTrue(nobody.getMessage().contains("is a listener open"), nobody.getMessage());
        Listener closed = new Listener(KEY);
        closed.close();
        assertThrows(IllegalStateException.class, closed::accept);
        assertFalse(Files.exists(Path.of(closed.address())));
    }
}
