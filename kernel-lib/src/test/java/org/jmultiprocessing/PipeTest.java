package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PipeTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldKeepMessageBoundariesBothWaysBetweenThreads(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe();
        Connection a = pipe.conn1();
        Connection b = pipe.conn2();
        Thread echo = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                b.send(b.recv());
            }
        });
        echo.start();
        for (int i = 0; i < 1000; i++) {
            Object message = i % 3 == 0 ? "message " + i : i % 3 == 1 ? (Object) new byte[i] : List.of(i, i + 1);
            a.send(message);
            Object back = a.recv();
            if (message instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) back);
            } else {
                assertEquals(message, back);
            }
        }
        echo.join();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldSendAndReceiveByteSlices(Context ctx) {
        Pipe pipe = ctx.pipe();
        pipe.conn1().sendBytes(new byte[] {1, 2, 3, 4, 5}, 1, 3);
        pipe.conn1().sendBytes(new byte[0]);
        assertArrayEquals(new byte[] {2, 3, 4}, pipe.conn2().recvBytes());
        assertArrayEquals(new byte[0], pipe.conn2().recvBytes());
        pipe.conn1().sendBytes(new byte[] {9, 8});
        byte[] into = new byte[4];
        assertEquals(2, pipe.conn2().recvBytesInto(into, 1));
        assertArrayEquals(new byte[] {0, 9, 8, 0}, into);
        pipe.conn1().sendBytes(new byte[10]);
        assertThrows(IllegalStateException.class, () -> pipe.conn2().recvBytes(5));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRaiseEOFAfterTheBufferedMessagesWhenTheOtherEndIsClosed(Context ctx) {
        Pipe pipe = ctx.pipe();
        pipe.conn2().send("last words");
        pipe.conn2().close();
        assertTrue(pipe.conn1().poll());
        assertEquals("last words", pipe.conn1().recv());
        assertThrows(Connection.EOF.class, () -> pipe.conn1().recv());
        assertThrows(UncheckedIOException.class, () -> pipe.conn1().send("nobody listens"));
        assertThrows(IllegalStateException.class, () -> pipe.conn2().send("closed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRefuseTheWrongDirectionOnAOneWayPipe(Context ctx) {
        Pipe pipe = ctx.pipe(false);
        Connection receiver = pipe.conn1();
        Connection sender = pipe.conn2();
        assertTrue(receiver.isReadable());
        assertFalse(receiver.isWritable());
        assertThrows(IllegalStateException.class, () -> receiver.send(1));
        assertThrows(IllegalStateException.class, sender::recv);
        sender.send(1);
        assertEquals(1, receiver.recv());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldPollWithATimeout(Context ctx) {
        Pipe pipe = ctx.pipe();
        long start = System.nanoTime();
        assertFalse(pipe.conn1().poll(0.1));
        assertTrue(System.nanoTime() - start >= 100_000_000L);
        pipe.conn2().send(7);
        assertTrue(pipe.conn1().poll(0.1));
        assertEquals(7, pipe.conn1().recv());
    }

    @Test
    void shouldRaiseEOFWhenTheSendingProcessExitsWithoutClosing() throws Exception {
        Pipe pipe = new Pipe();
        Connection theirs = pipe.conn2();
        ChildJvm child = ChildJvm.start(() -> {
            for (int i = 0; i < 10; i++) {
                theirs.send(i);
            }
        });
        theirs.close();
        for (int i = 0; i < 10; i++) {
            assertEquals(i, pipe.conn1().recv());
        }
        assertThrows(Connection.EOF.class, () -> pipe.conn1().recv());
        child.joinSuccessfully();
    }

    @Test
    void shouldChainTwoProcessesThroughPipesUntilEndOfFile() throws Exception {
        Pipe first = new Pipe();
        Pipe second = new Pipe();
        Connection numbersOut = first.conn1();
        Connection numbersIn = first.conn2();
        Connection squaresOut = second.conn1();
        ChildJvm producer = ChildJvm.start(() -> {
            for (int i = 0; i < 10; i++) {
                numbersOut.send(i);
            }
            numbersOut.close();
        });
        ChildJvm squarer = ChildJvm.start(() -> {
            try {
                while (true) {
                    int x = (Integer) numbersIn.recv();
                    squaresOut.send(x * x);
                }
            } catch (Connection.EOF end) {
                squaresOut.close();
            }
        });
        numbersOut.close();
        numbersIn.close();
        squaresOut.close();
        List<Object> squares = new ArrayList<>();
        try {
            while (true) {
                squares.add(second.conn2().recv());
            }
        } catch (Connection.EOF end) {
            squares.add("End");
        }
        assertEquals(List.of(0, 1, 4, 9, 16, 25, 36, 49, 64, 81, "End"), squares);
        producer.joinSuccessfully();
        squarer.joinSuccessfully();
    }

    @Test
    void shouldCarryA256MiBByteArrayFromAChildProcess() throws Exception {
        Pipe pipe = new Pipe(false);
        Connection sender = pipe.conn2();
        ChildJvm child = ChildJvm.start("600m", () -> {
            byte[] big = new byte[256 << 20];
            for (int i = 0; i < big.length; i += 4096) {
                big[i] = (byte) (i >>> 12);
            }
            big[big.length - 1] = 77;
            sender.sendBytes(big);
        });
        sender.close();
        byte[] received = pipe.conn1().recvBytes();
        assertEquals(256 << 20, received.length);
        for (int i = 0; i < received.length; i += 4096) {
            assertEquals((byte) (i >>> 12), received[i]);
        }
        assertEquals(77, received[received.length - 1]);
        child.joinSuccessfully();
        assertThrows(Connection.EOF.class, () -> pipe.conn1().recv());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldThrowIllegalStateOnUseAfterCloseAndUnmapOnceBothEndsAreClosed(Context ctx) throws Exception {
        Pipe pipe = ctx.pipe();
        Connection a = pipe.conn1();
        Connection b = pipe.conn2();
        a.close();
        for (org.junit.jupiter.api.function.Executable use : List.<org.junit.jupiter.api.function.Executable>of(
                () -> a.send(1), a::recv, a::poll, () -> a.poll(0.01))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, use);
            assertEquals("connection is closed (close() was called on this copy of the end)", e.getMessage());
        }
        assertThrows(UncheckedIOException.class, () -> b.send(1), "the other end is still mapped and sees the closed end");
        b.close();
        assertThrows(IllegalStateException.class, b::recv);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldNeverTouchUnmappedMemoryWhenClosedWhileOtherThreadsUseIt(Context ctx) throws Exception {
        ClosingRace.run(2, () -> ctx.pipe().conn1(), end -> {
            end.poll();
            end.poll(0.0001);
        }, Connection::close, "connection is closed");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldReportEndOfFileAtOnceToPollWithATimeoutOfZeroAsToPoll(Context ctx) {
        Pipe pipe = ctx.pipe();
        pipe.conn2().close();
        assertTrue(pipe.conn1().poll(), "recv would raise EOF at once");
        assertTrue(pipe.conn1().poll(0.0), "poll(0) is poll(), as in Python");
        assertTrue(pipe.conn1().poll(java.time.Duration.ZERO));
        assertTrue(pipe.conn1().poll(5.0), "and a timed poll does not wait for its timeout");
        assertThrows(Connection.EOF.class, pipe.conn1()::recv);
        assertThrows(Connection.EOF.class, pipe.conn1()::recvBytes);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldGiveEveryMessageAsBytesAndEveryBytesMessageAsAnArray(Context ctx) {
        Pipe pipe = ctx.pipe(false);
        pipe.conn2().send("héllo");
        pipe.conn2().sendBytes(new byte[] {4, 5});
        pipe.conn2().send(null);
        assertArrayEquals("héllo".getBytes(java.nio.charset.StandardCharsets.UTF_8), pipe.conn1().recvBytes());
        assertArrayEquals(new byte[] {4, 5}, (byte[]) pipe.conn1().recv(), "recv of a sendBytes message is its array");
        assertNull(pipe.conn1().recv());
        assertEquals("Connection(end 1, readable)", pipe.conn1().toString());
        pipe.conn2().close();
        assertEquals("Connection(end 2, writable, closed)", pipe.conn2().toString());
    }

    @Test
    void shouldRefuseToSendAnEndOfAPipeOfTheThreadContextToAnotherProcess() {
        Pipe local = Multiprocessing.getContext("thread").pipe();
        assertNull(local.conn1().path());
        Queue<Object> carrier = new Queue<>();
        NotTransferableException e = assertThrows(NotTransferableException.class, () -> carrier.put(local.conn2()));
        assertTrue(e.getMessage().startsWith("a Connection of the thread context lives in this JVM only"), e.getMessage());
        Connection passed = new Pipe().conn2();
        carrier.put(passed);
        assertNotNull(((Connection) carrier.get()).path(), "an end of a process pipe travels");
    }

    @Test
    void shouldPassTheMessagesThemselvesAndCopyTheBytesOfSendBytesInTheThreadContext() {
        Pipe pipe = Multiprocessing.getContext("thread").pipe();
        List<Integer> message = new ArrayList<>(List.of(1, 2));
        pipe.conn1().send(message);
        assertSame(message, pipe.conn2().recv());
        byte[] buffer = {1, 2, 3};
        pipe.conn1().sendBytes(buffer);
        buffer[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, pipe.conn2().recvBytes(), "sendBytes copies: the caller may reuse its array");
    }
}
