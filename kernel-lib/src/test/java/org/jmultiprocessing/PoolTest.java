package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One shared pool of two workers per context: the error tests also show that the pool stays usable after each
 * error. The tests that take a {@link Context} run against both; {@code pool} is the default context's.
 */
class PoolTest {
    private static Pool pool;
    private static final Map<String, Pool> POOLS = new ConcurrentHashMap<>();

    @BeforeAll
    static void startPool() {
        pool = new Pool(2);
        POOLS.put(Multiprocessing.getContext().name(), pool);
    }

    @AfterAll
    static void stopPool() {
        for (Pool shared : POOLS.values()) {
            shared.close();
            assertTrue(shared.isTerminated());
        }
    }

    /** The shared pool of {@code ctx}. */
    private static Pool pool(Context ctx) {
        return POOLS.computeIfAbsent(ctx.name(), name -> ctx.pool(2));
    }

    private static boolean isThread(Context ctx) {
        return ctx.name().equals("thread");
    }

    static int slowSquare(int x) throws InterruptedException {
        Thread.sleep(20);
        return x * x;
    }

    static final class Unsendable extends RuntimeException {
        private final transient Object ok = new Object();
        private final Object socket = new Object();

        Unsendable(String message) {
            super(message);
        }
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldMapInOrderOverBothWorkers(Context ctx) {
        assertEquals(range(1000).stream().map(x -> x * x).toList(), pool(ctx).map((Integer x) -> x * x, range(1000)));
        List<Long> pids = pool(ctx).map((Integer x) -> slowSquare(0) + Multiprocessing.pid(), range(20), 1);
        assertEquals(new HashSet<>(pool(ctx).workerPids()), new HashSet<>(pids));
        assertEquals(List.of(), pool(ctx).map((Integer x) -> x, List.of()));
        assertEquals(List.of("a!", "b!"), pool(ctx).map((String s) -> s + "!", List.of("a", "b")));
        assertEquals(List.of(List.of(1), List.of(2)), pool(ctx).map((Integer x) -> List.of(x), List.of(1, 2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldStarmapAndApply(Context ctx) {
        assertEquals(List.of(3, 7), pool(ctx).starmap((Integer a, Integer b) -> a + b, List.of(List.of(1, 2), List.of(3, 4))));
        assertEquals(List.of("a1x"), pool(ctx).starmap((String a, Integer b, String c) -> a + b + c, List.of(List.of("a", 1, "x"))));
        assertEquals(49, pool(ctx).apply(() -> 7 * 7));
        assertEquals(10, pool(ctx).apply((Integer x) -> x * 2, 5));
        assertEquals("ab", pool(ctx).apply((String a, String b) -> a + b, "a", "b"));
        assertEquals(6L, pool(ctx).apply((Long a, Long b, Long c) -> a + b + c, 1L, 2L, 3L));
        assertThrows(IllegalArgumentException.class, () -> pool(ctx).starmap((Integer a, Integer b) -> a + b, List.of(List.of(1))));
        assertThrows(IllegalArgumentException.class, () -> pool(ctx).map((Integer x) -> x, List.of(1), 0));
        assertThrows(IllegalArgumentException.class, () -> pool(ctx).imap((Integer x) -> x, List.of(1), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRethrowTaskExceptionWithItsTypeAndRemoteTraceback(Context ctx) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pool(ctx).map((Integer x) -> {
            if (x == 3) {
                throw new IllegalArgumentException("bad item " + x);
            }
            return x;
        }, range(10)));
        assertEquals("bad item 3", e.getMessage());
        assertFalse(e.getStackTrace()[0].getClassName().startsWith("org.jmultiprocessing."), "the caller's frames come first");
        assertTrue(List.of(e.getStackTrace()).stream().anyMatch(f -> f.getClassName().equals(PoolTest.class.getName())));
        RemoteTraceback remote = assertInstanceOf(RemoteTraceback.class, e.getCause());
        String worker = isThread(ctx) ? "in worker thread PoolThread-\\d+" : "in worker PoolWorker-\\d+";
        assertTrue(remote.getMessage().matches(worker + " \\(pid \\d+\\)"), remote.getMessage());
        assertTrue(remote.getStackTrace()[0].getMethodName().startsWith("lambda$"), List.of(remote.getStackTrace()).toString());
        assertTrue(List.of(remote.getStackTrace()).stream().noneMatch(f -> f.getClassName().contains("PoolWorker")));
        assertEquals(List.of(1), pool(ctx).map((Integer x) -> x, List.of(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldKeepTheRemoteCauseAndAttachTheTracebackAsSuppressed(Context ctx) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> pool(ctx).apply(() -> { throw new IllegalStateException("outer", new ArithmeticException("inner")); }));
        assertEquals("inner", assertInstanceOf(ArithmeticException.class, e.getCause()).getMessage());
        assertInstanceOf(RemoteTraceback.class, e.getSuppressed()[0]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldWrapCheckedExceptionsInTaskFailedException(Context ctx) {
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool(ctx).apply(() -> { throw new IOException("disk full"); }));
        IOException cause = assertInstanceOf(IOException.class, e.getCause());
        assertEquals("disk full", cause.getMessage());
        assertInstanceOf(RemoteTraceback.class, cause.getCause());
    }

    @Test
    void shouldReportAnExceptionThatCannotBeSerialized() {
        TaskFailedException e = assertThrows(TaskFailedException.class, () -> pool.apply(() -> { throw new Unsendable("no way"); }));
        assertTrue(e.getMessage().contains("Unsendable: no way"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot be sent back"), e.getMessage());
        assertInstanceOf(RemoteTraceback.class, e.getCause());
        assertEquals(2, pool.apply(() -> 2));
    }

    @Test
    void shouldRejectAnUnserializableArgumentAndStayUsable() {
        List<Object> items = List.of(1, new Object(), 3);
        assertNotSendable("the item at index 1 of the input (java.lang.Object)", () -> pool.map((Object x) -> x, items));
        assertNotSendable("the item at index 1 of the input (java.lang.Object)", () -> pool.mapAsync((Object x) -> x, items));
        List<Object> laterChunk = List.of(1, 2, 3, new Object());
        assertNotSendable("the item at index 3 of the input (java.lang.Object)", () -> pool.map((Object x) -> x, laterChunk, 2));
        assertNotSendable("the item at index 3 of the input (java.lang.Object)", () -> pool.mapAsync((Object x) -> x, laterChunk, 2));
        assertNotSendable("the item at index 1 of the input -> element 0 (java.lang.Object)",
                () -> pool.map((Object x) -> x, List.of(List.of(1), List.of(new Object()))));

        ResultIterator<Object> ordered = pool.imap((Object x) -> x, items);
        assertEquals(1, ordered.next());
        assertNotSendable("the item at index 1 of the input (java.lang.Object)", ordered::next);
        assertEquals(3, ordered.next());
        List<String> unorderedErrors = new ArrayList<>();
        ResultIterator<Object> unordered = pool.imapUnordered((Object x) -> x, items);
        for (int i = 0; i < items.size(); i++) {
            try {
                unordered.next();
            } catch (NotTransferableException e) {
                unorderedErrors.add(e.getMessage());
            }
        }
        assertEquals(1, unorderedErrors.size(), unorderedErrors.toString());
        assertTrue(unorderedErrors.get(0).startsWith(
                "cannot send to a pool worker: the item at index 1 of the input (java.lang.Object) is not Serializable."),
                unorderedErrors.get(0));

        List<List<?>> argumentLists = List.of(List.of(1, 2), List.of(3, new Object()));
        String secondList = "argument 2 of the argument list at index 1 of the input (java.lang.Object)";
        assertNotSendable(secondList, () -> pool.starmap((Object a, Object b) -> a, argumentLists));
        assertNotSendable(secondList, () -> pool.starmapAsync((Object a, Object b) -> a, argumentLists));
        assertNotSendable("argument 2 (java.lang.Object)", () -> pool.apply((Object a, Object b) -> a, 1, new Object()));
        assertNotSendable("argument 1 (java.lang.Object)", () -> pool.applyAsync((Object a) -> a, new Object()));
        assertEquals(List.of(1, 2), pool.map((Integer x) -> x, List.of(1, 2)));
    }

    /** The message names the value as the caller knows it and says where it was to go. */
    private static void assertNotSendable(String value, org.junit.jupiter.api.function.Executable call) {
        NotTransferableException e = assertThrows(NotTransferableException.class, call);
        assertTrue(e.getMessage().startsWith("cannot send to a pool worker: " + value + " is not Serializable."), e.getMessage());
    }

    @Test
    void shouldReportAnUnserializableResultAndStayUsable() {
        NotTransferableException e = assertThrows(NotTransferableException.class, () -> pool.apply(() -> new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        assertTrue(e.getMessage().contains("worker PoolWorker-"), e.getMessage());
        assertEquals(3, pool.apply(() -> 3));
    }

    @Test
    void shouldFailWithinOneSecondWhenAWorkerIsKilledMidMapRepeatedly() {
        for (int round = 0; round < 20; round++) {
            // The victim is a worker seen running a task of this map: a worker killed while it holds no task
            // (a replacement still starting) loses nothing, so it is replaced and the map goes on.
            Queue<Long> running = new Queue<>();
            try {
                AsyncResult<List<Integer>> result = pool.mapAsync((Integer x) -> {
                    running.put(Multiprocessing.pid());
                    Thread.sleep(200);
                    return x * x;
                }, range(400), 1); // outlasts any worker restart
                long victim = running.get();
                ProcessHandle.of(victim).orElseThrow().destroyForcibly();
                long killedAt = System.nanoTime();
                WorkerDiedException e = assertThrows(WorkerDiedException.class, result::get);
                long millis = (System.nanoTime() - killedAt) / 1_000_000;
                assertTrue(millis < 1000, "failed after " + millis + " ms");
                assertEquals(victim, e.pid());
                assertEquals(-9, e.exitCode());
                assertTrue(e.getMessage().contains("pid " + victim) && e.getMessage().contains("-9 (SIGKILL)"), e.getMessage());
            } finally {
                running.close();
            }
        }
        assertEquals(List.of(0, 1, 4), pool.map((Integer x) -> x * x, range(3)));
        assertFalse(pool.workerPids().isEmpty());
    }

    @Test
    void shouldFailTheCallWhenATaskExitsTheWorker() {
        WorkerDiedException e = assertThrows(WorkerDiedException.class, () -> pool.apply(() -> {
            System.exit(3);
            return 0;
        }));
        assertEquals(3, e.exitCode());
        assertEquals(5, pool.apply(() -> 5));
    }

    @Test
    void shouldCancelOutstandingWorkWhenTheCallerIsInterrupted() throws Exception {
        List<Long> before = awaitWorkers(2);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                pool.map((Integer x) -> {
                    Thread.sleep(60_000);
                    return x;
                }, range(8), 1);
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        caller.start();
        sleep(300);
        caller.interrupt();
        caller.join(2000);
        assertFalse(caller.isAlive());
        assertInstanceOf(CancellationException.class, thrown.get());
        long start = System.nanoTime();
        assertEquals(List.of(1, 2), pool.map((Integer x) -> x, List.of(1, 2), 1));
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "no worker is left busy with the cancelled work");
        assertTrue(before.stream().noneMatch(pool.workerPids()::contains), "busy workers were replaced");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldOfferPythonsAsyncResult(Context ctx) throws Exception {
        AsyncResult<Integer> result = pool(ctx).applyAsync(() -> {
            Thread.sleep(400);
            return 42;
        });
        assertThrows(TimeoutException.class, () -> result.get(Duration.ofMillis(20)));
        assertFalse(result.ready());
        assertThrows(IllegalStateException.class, result::successful);
        AtomicReference<Integer> callback = new AtomicReference<>();
        result.onSuccess(callback::set);
        assertEquals(42, result.toCompletableFuture().get());
        result.await();
        assertTrue(result.ready());
        assertTrue(result.successful());
        assertEquals(42, result.get());
        assertEquals(42, callback.get());

        AsyncResult<List<Integer>> failing = pool(ctx).mapAsync((Integer x) -> 10 / x, List.of(1, 0));
        AtomicReference<Throwable> error = new AtomicReference<>();
        failing.onError(error::set);
        assertTrue(failing.await(Duration.ofSeconds(5)));
        assertFalse(failing.successful());
        assertInstanceOf(ArithmeticException.class, error.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldIterateLazilyOverAnEndlessInput(Context ctx) throws Exception {
        List<Integer> firstTen = new ArrayList<>();
        ResultIterator<Integer> doubled = pool(ctx).imap((Integer x) -> x * 2, Stream.iterate(0, i -> i + 1), 3);
        for (int x : doubled) {
            firstTen.add(x);
            if (firstTen.size() == 10) {
                break;
            }
        }
        doubled.cancel();
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18), firstTen);

        Set<Integer> unordered = new HashSet<>();
        pool(ctx).imapUnordered((Integer x) -> x + 1, range(50)).forEach(unordered::add);
        assertEquals(new HashSet<>(IntStream.rangeClosed(1, 50).boxed().toList()), unordered);

        ResultIterator<Integer> withError = pool(ctx).imap((Integer x) -> 6 / x, List.of(1, 0, 2));
        assertEquals(6, withError.next());
        assertThrows(ArithmeticException.class, withError::next);
        assertEquals(3, withError.next(Duration.ofSeconds(5)), "iteration goes on after a failed item, as in Python");
        assertFalse(withError.hasNext());
    }

    @Test
    void shouldRelayWorkerOutputToTheCallersStreams() {
        try (CapturedOutput output = new CapturedOutput()) {
            pool.apply(() -> {
                System.out.println("hello from a worker");
                return 0;
            });
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (!output.out().contains("hello from a worker") && System.nanoTime() < deadline) {
                sleep(10);
            }
            assertEquals("hello from a worker\n", output.out());
        }
    }

    @Test
    void shouldWorkAsAnExecutorService() throws Exception {
        Future<Integer> future = pool.submit(() -> 21 * 2);
        assertEquals(42, future.get());
        List<Future<String>> all = pool.invokeAll(List.<Callable<String>>of((Func0<String>) () -> "a", (Func0<String>) () -> "b"));
        assertEquals("ab", all.get(0).get() + all.get(1).get());
        assertEquals("fast", pool.invokeAny(List.<Callable<String>>of((Func0<String>) () -> {
            Thread.sleep(60_000);
            return "slow";
        }, (Func0<String>) () -> "fast")));
        Callable<Integer> plain = () -> 1;
        NotTransferableException e = assertThrows(NotTransferableException.class, () -> pool.submit(plain));
        assertTrue(e.getMessage().contains("Func0"), e.getMessage());
    }

    @Test
    void shouldRunTheInitializerInEachWorkerAndRetireWorkersAfterMaxTasks() throws Exception {
        try (Pool small = new Pool(1, () -> System.setProperty("jmp.test.init", "ready"), 2)) {
            Set<Long> pids = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                assertEquals("ready", small.apply(() -> System.getProperty("jmp.test.init")));
                pids.add(small.apply(Multiprocessing::pid));
            }
            assertEquals(4, pids.size(), "a fresh worker after every 2 tasks");
        }
        try (Pool one = new Pool(1, (String name) -> System.setProperty("jmp.test.name", name), "x")) {
            assertEquals("x", one.apply(() -> System.getProperty("jmp.test.name")));
        }
    }

    @Test
    void shouldFailCallsClearlyWhenTheInitializerFails() {
        try (CapturedOutput output = new CapturedOutput(); Pool broken = new Pool(1, () -> {
            throw new IllegalStateException("no model file");
        })) {
            WorkerDiedException e = assertThrows(WorkerDiedException.class, () -> broken.apply(() -> 1));
            assertTrue(e.getMessage().contains("initializer"), e.getMessage());
            assertEquals(1, e.exitCode());
            assertTrue(output.err().contains("no model file"), output.err());
        }
    }

    @Test
    void shouldRefuseWorkOnceClosedAndCancelPendingWorkOnTerminate() throws Exception {
        Pool closing = new Pool(1);
        assertThrows(IllegalStateException.class, closing::join);
        assertEquals(1, closing.apply(() -> 1));
        closing.shutdown();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> closing.apply(() -> 1));
        assertTrue(e.getMessage().contains("Pool not running"), e.getMessage());
        closing.join();
        assertTrue(closing.isTerminated());

        Pool closingFromCallback = new Pool(1);
        AtomicReference<Throwable> refused = new AtomicReference<>();
        closingFromCallback.applyAsync(() -> 1).onSuccess(x -> {
            try {
                closingFromCallback.close();
            } catch (IllegalStateException error) {
                refused.set(error);
            }
        }).await();
        assertInstanceOf(IllegalStateException.class, refused.get(), "a callback closing its own pool would wait for itself");
        assertEquals(2, closingFromCallback.apply(() -> 2), "the refused close changed nothing");
        closingFromCallback.terminate();

        Pool terminating = new Pool(1);
        AsyncResult<Integer> pending = terminating.applyAsync(() -> {
            Thread.sleep(60_000);
            return 1;
        });
        sleep(200);
        long start = System.nanoTime();
        terminating.terminate();
        assertThrows(CancellationException.class, pending::get);
        assertTrue(System.nanoTime() - start < 2_000_000_000L);
        assertTrue(terminating.isTerminated());
    }

    @Test
    void shouldReportAWorkerOutOfMemoryAndReplaceIt() {
        Multiprocessing.setJvmOptions("-Xmx32m");
        try (Pool small = new Pool(1)) {
            long before = small.apply(Multiprocessing::pid); // workers start in the background: options are read then
            Multiprocessing.setJvmOptions();
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> small.apply(() -> {
                List<long[]> hog = new ArrayList<>();
                while (true) {
                    hog.add(new long[1 << 20]);
                }
            }));
            assertInstanceOf(OutOfMemoryError.class, e.getCause());
            assertNotEquals(before, small.apply(Multiprocessing::pid), "a worker that ran out of memory is replaced");
        } finally {
            Multiprocessing.setJvmOptions();
        }
    }

    @Test
    void shouldRejectAnUnserializableFunction() {
        Object lock = new Object();
        NotTransferableException e = assertThrows(NotTransferableException.class,
                () -> pool.map((Integer x) -> x + lock.hashCode(), List.of(1)));
        assertTrue(e.getMessage().startsWith("cannot send to the pool's workers: the function -> captured value 1"
                + " (java.lang.Object) is not Serializable."), e.getMessage());
        NotTransferableException initializer = assertThrows(NotTransferableException.class,
                () -> new Pool(1, (Object o) -> { }, lock));
        assertTrue(initializer.getMessage().startsWith("cannot send to the pool's workers: the initializer -> captured value 2"
                + " (java.lang.Object) is not Serializable."), initializer.getMessage());
    }

    @Test
    void shouldLeaveNoWorkerAndNoSocketFileBehind() throws Exception {
        Pool temporary = new Pool(2);
        assertEquals(List.of(2, 4), temporary.map((Integer x) -> x * 2, List.of(1, 2)));
        List<Long> pids = temporary.workerPids();
        temporary.close();
        assertTrue(temporary.isTerminated());
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "worker " + pid + " still runs");
        }
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(org.jmultiprocessing.internal.runtime.Session.current().directory())) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("pool-")).toList());
        }
    }

    @Test
    void shouldCreateThePoolSocketForItsOwnerOnly() throws Exception {
        Set<Path> before = poolSockets();
        try (Pool slow = new Pool(1, () -> Thread.sleep(1500))) {   // the socket waits while the worker initializes
            Path socket = awaitNewPoolSocket(before);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
            assertEquals(1, slow.apply(() -> 1));
        }
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void shouldRefuseStrangersOnThePoolSocketSilentlyAndStillStartTheWorker() throws Exception {
        Set<Path> before = poolSockets();
        long descriptorsBefore = socketsAndEventDescriptors();
        List<SocketChannel> strangers = new ArrayList<>();
        Event released = new Event();
        try (CapturedOutput output = new CapturedOutput()) {
            // The worker connects only once released: the strangers have the socket to themselves until then.
            Pool guarded = new Pool(1, (Event release) -> release.await(120.0), released);
            try {
                Path socket = awaitNewPoolSocket(before);
                SocketChannel silent = connect(socket, strangers);
                SocketChannel wrongKey = connect(socket, strangers);
                SocketChannel garbage = connect(socket, strangers);
                connect(socket, strangers).close();   // connects and leaves at once
                CompletableFuture<Boolean> silentClosed = closedByPeer(silent, null);
                CompletableFuture<Boolean> wrongKeyClosed = closedByPeer(wrongKey, challenge -> {
                    ByteBuffer answer = ByteBuffer.allocate(4 + 2 * (4 + 32));
                    answer.putInt(2 * (4 + 32)).putInt(32).put(new byte[32]).putInt(32).put(new byte[32]).flip();
                    return answer;
                });
                garbage.write(ByteBuffer.allocate(4).putInt(0, Integer.MAX_VALUE));
                CompletableFuture<Boolean> garbageClosed = closedByPeer(garbage, null);
                assertTrue(wrongKeyClosed.get(30, TimeUnit.SECONDS), "a wrong answer is closed at once");
                assertTrue(garbageClosed.get(30, TimeUnit.SECONDS), "a malformed answer is closed at once");
                assertTrue(silentClosed.get(60, TimeUnit.SECONDS), "a stranger that says nothing is closed after a while");
                assertEquals(List.of(), guarded.workerPids(), "the worker has not connected yet");

                SocketChannel waiting = connect(socket, strangers);
                CompletableFuture<Boolean> waitingClosed = closedByPeer(waiting, null);
                released.set();
                assertEquals(List.of(1, 4), guarded.mapAsync((Integer x) -> x * x, List.of(1, 2)).get(Duration.ofSeconds(60)));
                assertTrue(waitingClosed.get(30, TimeUnit.SECONDS), "a stranger still waiting is closed once the worker is in");
            } finally {
                released.set();
                for (SocketChannel stranger : strangers) {
                    stranger.close();
                }
                guarded.close();
            }
            assertEquals("", output.out());
            assertEquals("", output.err(), "nothing is printed into the cell for a refused stranger");
        }
        assertEquals(descriptorsBefore, socketsAndEventDescriptors(), "every socket and selector of the pool is closed");
    }

    /** The pool sockets in the session directory, once the shared pool's workers have connected (and deleted theirs). */
    private static Set<Path> poolSockets() throws IOException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (pool.workerPids().size() < 2 && System.nanoTime() < deadline) {
            sleep(5);
        }
        return poolSocketsNow();
    }

    private static Set<Path> poolSocketsNow() throws IOException {
        try (Stream<Path> files = Files.list(Session.current().directory())) {
            return new HashSet<>(files.filter(f -> f.getFileName().toString().startsWith("pool-")).toList());
        }
    }

    private static Path awaitNewPoolSocket(Set<Path> before) throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            Set<Path> now = poolSocketsNow();
            now.removeAll(before);
            if (!now.isEmpty()) {
                return now.iterator().next();
            }
            sleep(5);
        }
        throw new AssertionError("no pool socket appeared in " + Session.current().directory());
    }

    private static SocketChannel connect(Path socket, List<SocketChannel> opened) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        opened.add(channel);
        channel.connect(UnixDomainSocketAddress.of(socket));
        return channel;
    }

    /**
     * Completes with true when the peer closes {@code channel}; first, if {@code answer} is given, reads the
     * pool's challenge (one message) and sends what {@code answer} makes of it.
     */
    private static CompletableFuture<Boolean> closedByPeer(SocketChannel channel,
                                                           java.util.function.Function<ByteBuffer, ByteBuffer> answer) {
        CompletableFuture<Boolean> closed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                ByteBuffer buffer = ByteBuffer.allocate(256);
                if (answer != null) {
                    ByteBuffer header = ByteBuffer.allocate(4);
                    while (header.hasRemaining() && channel.read(header) >= 0) { }
                    ByteBuffer challenge = ByteBuffer.allocate(header.getInt(0));
                    while (challenge.hasRemaining() && channel.read(challenge) >= 0) { }
                    ByteBuffer reply = answer.apply(challenge.flip());
                    while (reply.hasRemaining()) {
                        channel.write(reply);
                    }
                }
                while (channel.read(buffer.clear()) >= 0) { }
                closed.complete(true);
            } catch (IOException e) {
                closed.complete(false); // closed by this test, not by the pool
            }
        }, "stranger");
        reader.setDaemon(true);
        reader.start();
        return closed;
    }

    /** This JVM's open sockets, epoll instances and eventfds: what a pool's listening leaves behind if it leaks. */
    private static long socketsAndEventDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    return ""; // closed meanwhile, e.g. the one listing this directory
                }
            }).filter(link -> link.startsWith("socket:") || link.startsWith("anon_inode:")).count();
        }
    }

    private static List<Long> awaitWorkers(int n) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Long> pids = pool.workerPids();
        while (pids.size() < n && System.nanoTime() < deadline) {
            sleep(5);
            pids = pool.workerPids();
        }
        assertEquals(n, pids.size());
        return pids;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldNameWorkersDistinctly() {
        List<Long> pids = awaitWorkers(2);
        assertNotEquals(pids.get(0), pids.get(1));
    }

    /** What a worker thread's initializer leaves for the tasks that thread runs. */
    private static final ThreadLocal<String> INITIALIZED = new ThreadLocal<>();

    @Test
    void shouldHandAThreadPoolsWorkersTheObjectsThemselves() {
        Context threads = Multiprocessing.getContext("thread");
        Object unsendable = new Object();
        List<Object> same = pool(threads).map((Object o) -> o == unsendable ? o : null, List.of(unsendable, unsendable));
        assertTrue(same.get(0) == unsendable && same.get(1) == unsendable, "nothing is serialized: " + same);
        assertEquals(List.of(Multiprocessing.pid(), Multiprocessing.pid()), pool(threads).workerPids());
        Callable<Integer> plain = () -> 7;
        assertEquals(7, assertDoesNotThrow(() -> pool(threads).submit(plain).get()), "a plain Callable need not travel");
    }

    @Test
    void shouldRunAThreadPoolsInitializerInEachFreshWorkerThread() throws Exception {
        Context threads = Multiprocessing.getContext("thread");
        try (Pool small = threads.pool(1, (String value) -> INITIALIZED.set(value), "ready")) {
            assertEquals("ready", small.apply(INITIALIZED::get));
        }
        try (Pool retiring = threads.pool(1, () -> INITIALIZED.set("fresh"), 2)) {
            List<String> seen = new ArrayList<>();
            Set<Long> threadIds = new HashSet<>();
            for (int i = 0; i < 4; i++) {
                seen.add(retiring.apply(() -> {
                    String value = INITIALIZED.get();
                    INITIALIZED.set("used");
                    return value;
                }));
                threadIds.add(retiring.apply(() -> Thread.currentThread().getId()));
            }
            assertEquals(List.of("fresh", "fresh", "fresh", "fresh"), seen, "a fresh worker thread after every 2 tasks");
            assertEquals(4, threadIds.size());
        }
    }

    @Test
    void shouldFailAThreadPoolsCallsClearlyWhenTheInitializerFails() {
        try (CapturedOutput output = new CapturedOutput();
             Pool broken = Multiprocessing.getContext("thread").pool(1, () -> {
                 throw new IllegalStateException("no model file");
             })) {
            TaskFailedException e = assertThrows(TaskFailedException.class, () -> broken.apply(() -> 1));
            assertTrue(e.getMessage().contains("initializer"), e.getMessage());
            assertInstanceOf(IllegalStateException.class, e.getCause());
            assertTrue(output.err().contains("no model file"), output.err());
        }
    }

    @Test
    void shouldStopAThreadPoolsBusyWorkersOnTerminate() throws Exception {
        Pool terminating = Multiprocessing.getContext("thread").pool(1);
        AsyncResult<Integer> pending = terminating.applyAsync(() -> {
            Thread.sleep(60_000);
            return 1;
        });
        AsyncResult<Integer> queued = terminating.applyAsync(() -> 2);
        sleep(100);
        terminating.terminate();
        assertThrows(CancellationException.class, pending::get);
        assertThrows(CancellationException.class, queued::get);
        assertTrue(terminating.isTerminated());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> terminating.apply(() -> 1));
        assertTrue(refused.getMessage().contains("Pool not running"), refused.getMessage());
    }
}
