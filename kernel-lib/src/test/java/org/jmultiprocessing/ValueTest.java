package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ValueTest {
    @Test
    void shouldEndAtExactlyTwoHundredThousandWhenTwoProcessesIncrementUnderTheLock() throws Exception {
        Value.OfInt counter = Value.ofInt(0);
        ChildJvm.Task increment = () -> {
            for (int i = 0; i < 100_000; i++) {
                try (Held held = counter.getLock().acquired()) {
                    counter.set(counter.get() + 1);
                }
            }
        };
        ChildJvm.runAll(increment, increment);
        assertEquals(200_000, counter.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldHoldEveryKindOfValue(Context ctx) {
        Value.OfLong l = ctx.value().ofLong(1L << 40);
        Value.OfDouble d = ctx.value().ofDouble(1.5);
        Value.OfByte b = ctx.value().ofByte((byte) -3);
        Value.OfChar c = ctx.value().ofChar('x');
        Value.OfBoolean z = ctx.value().ofBoolean(true);
        assertEquals((1L << 40) + 2, l.addAndGet(2));
        assertEquals(2.0, d.addAndGet(0.5));
        assertEquals(-3, b.get());
        assertEquals('x', c.get());
        assertTrue(z.get());
        z.set(false);
        assertFalse(z.get());
        Value.OfInt i = ctx.value().ofInt(5);
        i.withLock(() -> i.set(i.get() * 2));
        assertEquals(10, i.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldAddAtomicallyToARawValueWithoutALock(Context ctx) throws Exception {
        Value.OfLong counter = ctx.rawValue().ofLong(0);
        assertThrows(IllegalStateException.class, counter::getLock);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    counter.addAndGet(1);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(200_000, counter.get());
    }

    @Test
    void shouldShareAnArrayWithAChildProcess() throws Exception {
        Array.OfDouble numbers = Array.ofDoubles(1.0, 2.0, 3.0);
        Array.OfChar text = Array.ofChars("abc");
        Array.OfBoolean flags = RawArray.ofBooleans(3);
        Array.OfLong zeros = Array.ofLongs(4);
        ChildJvm child = ChildJvm.start(() -> {
            try (Held held = numbers.getLock().acquired()) {
                for (int i = 0; i < numbers.length(); i++) {
                    numbers.set(i, numbers.get(i) * numbers.get(i));
                }
            }
            text.set(1, 'Z');
            flags.set(2, true);
            zeros.set(3, 42L);
        });
        child.joinSuccessfully();
        assertArrayEquals(new double[] {1.0, 4.0, 9.0}, numbers.toArray());
        assertEquals("aZc", new String(text.toArray()));
        assertArrayEquals(new boolean[] {false, false, true}, flags.toArray());
        assertArrayEquals(new long[] {0, 0, 0, 42}, zeros.toArray());
        assertThrows(IndexOutOfBoundsException.class, () -> numbers.get(3));
        assertThrows(IllegalStateException.class, flags::getLock);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldHoldByteAndIntArrays(Context ctx) {
        Array.OfByte bytes = ctx.array().ofBytes((byte) 1, (byte) -1);
        Array.OfInt ints = ctx.rawArray().ofInts(1, 2, 3);
        bytes.set(0, (byte) 7);
        assertArrayEquals(new byte[] {7, -1}, bytes.toArray());
        assertEquals(3, ints.length());
        assertArrayEquals(new int[] {1, 2, 3}, ints.toArray());
        assertEquals(5, ctx.array().ofInts(5).length());
    }

    @Test
    void shouldRefuseArraysLongerThanARegionHoldsNamingTheLargestLength() {
        assertTooLong(() -> Array.ofInts(1 << 30), "between 0 and 536869853 for int elements, got 1073741824");
        assertTooLong(() -> Array.ofLongs(Integer.MAX_VALUE / 8), "between 0 and 268434926 for long elements");
        assertTooLong(() -> RawArray.ofDoubles(Integer.MAX_VALUE / 8), "between 0 and 268434926 for double elements");
        assertTooLong(() -> Array.ofChars(1 << 30), "between 0 and 1073739707 for char elements");
        assertTooLong(() -> RawArray.ofBytes(Integer.MAX_VALUE), "between 0 and 2147479415 for byte elements");
        assertTooLong(() -> Array.ofBooleans(Integer.MAX_VALUE), "between 0 and 2147479415 for boolean elements");
        assertTooLong(() -> RawArray.ofInts(-1), "between 0 and 536869853 for int elements, got -1");
    }

    private static void assertTooLong(org.junit.jupiter.api.function.Executable create, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, create);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void shouldUseTheWholeOfTheLongestArrayWithoutTouchingItsLock() {
        Array.OfInt ints = Array.ofInts(536869853);
        assertEquals(536869853, ints.length());
        ints.set(536869852, 42);
        assertEquals(42, ints.get(536869852));
        assertEquals(0, ints.get(0));
        assertTrue(ints.getLock().acquire(false), "the last element overlapped the lock");
        ints.getLock().release();
        assertThrows(IndexOutOfBoundsException.class, () -> ints.set(536869853, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> ints.get(Integer.MAX_VALUE));
        assertThrows(IndexOutOfBoundsException.class, () -> ints.set(-1, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldThrowIndexOutOfBoundsForEveryKindOfArray(Context ctx) {
        java.util.List<org.junit.jupiter.api.function.Executable> outOfRange = java.util.List.of(
                () -> ctx.array().ofInts(2).set(2, 1), () -> ctx.array().ofLongs(2).get(-1), () -> ctx.rawArray().ofDoubles(2).set(1 << 29, 1.0),
                () -> ctx.array().ofBytes(2).get(Integer.MAX_VALUE), () -> ctx.rawArray().ofChars(2).set(Integer.MIN_VALUE, 'x'),
                () -> ctx.array().ofBooleans(2).set(2, true));
        for (org.junit.jupiter.api.function.Executable access : outOfRange) {
            assertThrows(IndexOutOfBoundsException.class, access);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldLoseNoIncrementOfALockedValueAddedToByFourThreads(Context ctx) throws Exception {
        Value.OfLong counter = ctx.value().ofLong(0);
        Value.OfDouble sum = ctx.rawValue().ofDouble(0);
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    counter.addAndGet(1);
                    sum.addAndGet(0.5);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(80_000, counter.get());
        assertEquals(40_000.0, sum.get());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldCopyTheGivenElementsIntoAnArray(Context ctx) {
        assertArrayEquals(new double[] {1.0, 2.0}, ctx.array().ofDoubles(1.0, 2.0).toArray());
        assertArrayEquals(new long[] {3L}, ctx.rawArray().ofLongs(3L).toArray());
        assertArrayEquals(new long[] {0, 0, 0}, ctx.rawArray().ofLongs(3).toArray());
        assertEquals("abc", new String(ctx.array().ofChars("abc").toArray()));
        assertArrayEquals(new boolean[] {true, false}, ctx.array().ofBooleans(true, false).toArray());
        assertEquals("Array<int>[1, 2]", ctx.array().ofInts(1, 2).toString());
        assertEquals("Value<char>(x)", ctx.value().ofChar('x').toString());
        assertThrows(IllegalStateException.class, ctx.rawArray().ofInts(1)::getLock);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> ctx.array().ofBytes(-1));
        assertTrue(negative.getMessage().startsWith("array length must be between 0 and "), negative.getMessage());
    }

    @Test
    void shouldRefuseToSendAValueOrArrayOfTheThreadContextToAnotherProcess() {
        Context threads = Multiprocessing.getContext("thread");
        for (Object local : new Object[] {threads.value().ofInt(1), threads.rawArray().ofDoubles(2), threads.array().ofChars("a")}) {
            NotTransferableException e = assertThrows(NotTransferableException.class,
                    () -> new ObjectOutputStream(new ByteArrayOutputStream()).writeObject(local));
            assertTrue(e.getMessage().contains("of the thread context is an object of this JVM"), e.getMessage());
        }
    }
}
