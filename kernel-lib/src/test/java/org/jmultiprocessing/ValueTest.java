package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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

    @Test
    void shouldHoldEveryKindOfValue() {
        Value.OfLong l = Value.ofLong(1L << 40);
        Value.OfDouble d = Value.ofDouble(1.5);
        Value.OfByte b = Value.ofByte((byte) -3);
        Value.OfChar c = Value.ofChar('x');
        Value.OfBoolean z = Value.ofBoolean(true);
        assertEquals((1L << 40) + 2, l.addAndGet(2));
        assertEquals(2.0, d.addAndGet(0.5));
        assertEquals(-3, b.get());
        assertEquals('x', c.get());
        assertTrue(z.get());
        z.set(false);
        assertFalse(z.get());
        Value.OfInt i = Value.ofInt(5);
        i.withLock(() -> i.set(i.get() * 2));
        assertEquals(10, i.get());
    }

    @Test
    void shouldAddAtomicallyToARawValueWithoutALock() throws Exception {
        Value.OfLong counter = RawValue.ofLong(0);
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

    @Test
    void shouldHoldByteAndIntArrays() {
        Array.OfByte bytes = Array.ofBytes((byte) 1, (byte) -1);
        Array.OfInt ints = RawArray.ofInts(1, 2, 3);
        bytes.set(0, (byte) 7);
        assertArrayEquals(new byte[] {7, -1}, bytes.toArray());
        assertEquals(3, ints.length());
        assertArrayEquals(new int[] {1, 2, 3}, ints.toArray());
        assertEquals(5, Array.ofInts(5).length());
    }
}
