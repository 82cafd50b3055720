package org.jmultiprocessing.python;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.AuthenticationException;
import org.jmultiprocessing.Client;
import org.jmultiprocessing.Connection;
import org.jmultiprocessing.Listener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java against the machine's real {@code python3}: its own {@code multiprocessing.connection} (3.11's
 * challenge) as client and as listener, and {@code python_peer.py}'s plain-socket peer speaking 3.12's
 * {@code {sha256}} challenge, each running the same exchange of bytes and pickled values.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PythonInteropTest {
    private static final byte[] KEY = "shared between Java and Python".getBytes(StandardCharsets.UTF_8);
    private final List<java.lang.Process> pythons = new ArrayList<>();

    @AfterEach
    void stopPythons() throws InterruptedException {
        for (java.lang.Process python : pythons) {
            python.destroyForcibly().waitFor();
        }
    }

    @Test
    void shouldAcceptAPythonClient() throws Exception {
        String large;
        try (Listener listener = new Listener(null, KEY, Pickle.FORMAT)) {
            PythonPeer python = start("client", listener.address(), KEY);
            try (Connection conn = listener.accept()) {
                large = exchange(conn);
            }
            python.expectExchangeDone(large);
        }
    }

    @Test
    void shouldConnectToAPythonListenerOverTcp() throws Exception {
        String large;
        PythonPeer python = start("listener", "127.0.0.1:0", KEY);
        String address = python.listeningAddress();
        try (Connection conn = Client.connect(address, KEY, Pickle.FORMAT)) {
            large = exchange(conn);
        }
        python.expectExchangeDone(large);
    }

    @Test
    void shouldAnswerAndCheckTheSha256ChallengeOfNewerPythons() throws Exception {
        String large;
        try (Listener listener = new Listener(":0", KEY, Pickle.FORMAT)) {
            PythonPeer python = start("client312", listener.address(), KEY);
            try (Connection conn = listener.accept()) {
                large = exchange(conn);
            }
            python.expectExchangeDone(large);
        }
        PythonPeer python = start("listener312", "127.0.0.1:0", KEY);
        try (Connection conn = Client.connect(python.listeningAddress(), KEY, Pickle.FORMAT)) {
            large = exchange(conn);
        }
        python.expectExchangeDone(large);
    }

    @Test
    void shouldRefuseAndBeRefusedByAPythonWithAnotherKey() throws Exception {
        byte[] otherKey = "another key".getBytes(StandardCharsets.UTF_8);
        try (Listener listener = new Listener(null, KEY, Pickle.FORMAT)) {
            PythonPeer python = start("client", listener.address(), otherKey);
            AuthenticationException e = assertThrows(AuthenticationException.class, listener::accept);
            assertTrue(e.getMessage().contains("wrong digest"), e.getMessage());
            assertEquals("failed AuthenticationError digest sent was rejected", python.nextLine());
        }
        PythonPeer python = start("listener", "127.0.0.1:0", otherKey);
        String address = python.listeningAddress();
        AuthenticationException e = assertThrows(AuthenticationException.class, () -> Client.connect(address, KEY, Pickle.FORMAT));
        assertTrue(e.getMessage().contains("rejected this authkey"), e.getMessage());
        assertEquals("failed AuthenticationError digest received was wrong", python.nextLine());
    }

    @Test
    void shouldRefuseValuesWithoutAPythonCounterpartAndBytesThatAreNoPickle() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Pickle.FORMAT.encode(Map.of("when", List.of(new java.util.Date()))));
        assertTrue(e.getMessage().contains("a java.util.Date to Python (the message -> dict value of when -> list item 0)"),
                e.getMessage());
        UncheckedIOException garbage = assertThrows(UncheckedIOException.class,
                () -> Pickle.FORMAT.decode("not a pickle".getBytes(StandardCharsets.UTF_8)));
        assertTrue(garbage.getMessage().contains("receive it with recvBytes()"), garbage.getMessage());
    }

    /** The Java half of python_peer.py's exchange. */
    private static String exchange(Connection conn) throws Exception {
        conn.sendBytes("from Java".getBytes(StandardCharsets.UTF_8));
        assertEquals("from Python, \uD83D\uDC0D", new String(conn.recvBytes(), StandardCharsets.UTF_8));
        conn.send(Arrays.asList(null, true, 42, BigInteger.TWO.pow(70), 1.5, "zwölf", new byte[] {0, (byte) 0xff},
                List.of(1, 2), new Object[] {3, "four"}, Map.of("k", List.of(5)), Set.of(6)));
        Map<?, ?> reply = (Map<?, ?>) conn.recv();
        assertTrue(reply.containsKey("none"));
        assertNull(reply.get("none"));
        assertEquals(BigInteger.TWO.pow(70).negate(), reply.get("big"));
        assertEquals(7, reply.get("small"));
        assertArrayEquals(new Object[] {1, "a"}, (Object[]) reply.get("tuple"));
        assertArrayEquals(new byte[] {0, (byte) 0xfe}, (byte[]) reply.get("bytes"));
        assertEquals(0.25, reply.get("float"));
        assertEquals(false, reply.get("bool"));
        assertEquals(Set.of(3), reply.get("set"));
        assertEquals(List.of(List.of(1), Map.of("k", "v")), reply.get("nested"));
        List<?> echo = (List<?>) reply.get("echo");
        assertEquals(11, echo.size());
        assertEquals("zwölf", echo.get(5));
        assertArrayEquals(new Object[] {3, "four"}, (Object[]) echo.get(8));

        byte[] large = new byte[1 << 20];
        new Random(15).nextBytes(large);
        conn.sendBytes(large);
        byte[] reversed = conn.recvBytes();
        for (int i = 0; i < large.length; i++) {
            assertEquals(large[i], reversed[large.length - 1 - i]);
        }
        return "large " + large.length + " " + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(large));
    }

    private PythonPeer start(String role, String address, byte[] key) throws Exception {
        Path script = Path.of(PythonInteropTest.class.getResource("/python_peer.py").toURI());
        java.lang.Process python = new ProcessBuilder("python3", script.toString(), role, address, HexFormat.of().formatHex(key))
                .redirectErrorStream(true).start();
        pythons.add(python);
        return new PythonPeer(python);
    }

    /** A python_peer.py process, its lines read as they come. */
    private static final class PythonPeer {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        PythonPeer(java.lang.Process python) {
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (java.io.IOException ignored) {
                    // the process was destroyed
                }
                lines.add("<exited>");
            });
            reader.setDaemon(true);
            reader.start();
        }

        String nextLine() throws InterruptedException {
            String line = lines.poll(60, TimeUnit.SECONDS);
            assertNotNull(line, "python3 printed nothing for 60 s");
            return line;
        }

        String listeningAddress() throws InterruptedException {
            String line = nextLine();
            assertTrue(line.startsWith("listening "), line);
            return line.substring("listening ".length());
        }

        /** What Python printed of the exchange: what it received, in Python's own words. */
        void expectExchangeDone(String expectedLarge) throws InterruptedException {
            assertEquals("bytes from Java", nextLine());
            assertEquals("object [None, True, 42, 1180591620717411303424, 1.5, 'zwölf', b'\\x00\\xff', [1, 2], (3, 'four'),"
                    + " {'k': [5]}, {6}]", nextLine());
            assertEquals("types NoneType bool int int float str bytes list tuple dict set", nextLine());
            assertEquals(expectedLarge, nextLine());
            assertEquals("eof", nextLine());
            assertEquals("done", nextLine());
        }
    }
}
