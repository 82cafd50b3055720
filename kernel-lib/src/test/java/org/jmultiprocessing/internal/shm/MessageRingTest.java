package org.jmultiprocessing.internal.shm;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jmultiprocessing.internal.codec.MessageCodec;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.PeerGoneException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The message ring within one JVM: framing, wrap-around, streaming, and a writer and a reader thread. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MessageRingTest {
    /** The tags the codec gives these values; the ring itself carries any tag. */
    private static final int STRING = MessageCodec.encode("").tag();
    private static final int NULL = MessageCodec.encode(null).tag();
    private static final int BYTES = MessageCodec.encode(new byte[0]).tag();
    private static final int INT = MessageCodec.encode(0).tag();

    private static final int SMALLEST_CAPACITY = 64;

    private SharedRegion.Hold hold;

    private MessageRing ring(int capacity) {
        SharedRegion region = SharedRegion.create("ring-test", RingDescriptor.length(capacity));
        hold = region.hold(this, 0);
        RingDescriptor.initialize(region, RegionDescriptor.HEADER_LENGTH, capacity);
        return new MessageRing(region, RegionDescriptor.HEADER_LENGTH);
    }

    @AfterEach
    void releaseTheFile() {
        Path path = hold.region().path();
        hold.release();
        assertFalse(Files.exists(path), "the ring's file is unlinked once released");
    }

    private static byte[] pattern(int length, int seed) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (seed * 31 + i);
        }
        return bytes;
    }

    @Test
    void shouldKeepEachFramesTagAndPayload() {
        MessageRing ring = ring(4096);
        assertTrue(ring.tryWrite(STRING, pattern(5, 1)));
        assertTrue(ring.tryWrite(NULL, new byte[0]));
        ring.write(BYTES, pattern(100, 2), 10, 50, null);
        assertTrue(ring.hasData());

        MessageRing.Frame first = ring.read(Deadline.FOREVER, null);
        assertEquals(STRING, first.tag());
        assertArrayEquals(pattern(5, 1), first.payload());
        MessageRing.Frame empty = ring.read(Deadline.FOREVER, null);
        assertEquals(NULL, empty.tag());
        assertEquals(0, empty.payload().length);
        MessageRing.Frame slice = ring.read(Deadline.FOREVER, null);
        assertEquals(BYTES, slice.tag());
        assertArrayEquals(java.util.Arrays.copyOfRange(pattern(100, 2), 10, 60), slice.payload());

        assertFalse(ring.hasData());
        assertNull(ring.read(System.nanoTime(), null), "nothing to read: null once the deadline has passed");
    }

    @Test
    void shouldWrapFramesAndHeadersAroundTheEndOfTheData() {
        MessageRing ring = ring(SMALLEST_CAPACITY);
        // Every payload length from 0 to what fits, many times round: frame headers and payloads start, and
        // split, at every position of the data.
        for (int round = 0; round < 20; round++) {
            for (int length = 0; length <= SMALLEST_CAPACITY - RingDescriptor.FRAME_HEADER_LENGTH; length++) {
                byte[] payload = pattern(length, round + length);
                assertTrue(ring.tryWrite(round, payload), "an empty ring takes a frame as long as the ring");
                MessageRing.Frame frame = ring.read(Deadline.FOREVER, null);
                assertEquals(round, frame.tag());
                assertArrayEquals(payload, frame.payload(), "length " + length + " in round " + round);
            }
        }
    }

    @Test
    void shouldRefuseAWholeWriteThatDoesNotFitNow() {
        MessageRing ring = ring(SMALLEST_CAPACITY);
        assertFalse(ring.tryWrite(1, new byte[SMALLEST_CAPACITY]), "longer than the ring");
        assertTrue(ring.tryWrite(1, new byte[40]));
        assertFalse(ring.tryWrite(2, new byte[20]), "48 bytes used, a 28-byte frame does not fit");
        assertEquals(40, ring.read(Deadline.FOREVER, null).payload().length);
        assertTrue(ring.tryWrite(2, new byte[20]));
    }

    @Test
    void shouldWriteAsManyWaitingItemsAsFitUnderOneLock() {
        MessageRing ring = ring(SMALLEST_CAPACITY);
        ArrayDeque<MessageCodec.Encoded> waiting = new ArrayDeque<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(MessageCodec.encode(i));
        }
        assertEquals(5, ring.tryWriteAll(waiting, SMALLEST_CAPACITY), "five 12-byte frames fit into 64 bytes");
        assertTrue(waiting.isEmpty());
        waiting.add(MessageCodec.encode("too long for what is left"));
        assertEquals(0, ring.tryWriteAll(waiting, SMALLEST_CAPACITY));
        assertEquals(1, waiting.size(), "an item that does not fit stays waiting");
        for (int i = 0; i < 5; i++) {
            MessageRing.Frame frame = ring.read(Deadline.FOREVER, null);
            assertEquals(i, MessageCodec.decode(frame.tag(), frame.payload()));
        }
        assertEquals(1, ring.tryWriteAll(waiting, SMALLEST_CAPACITY));
    }

    @Test
    void shouldStreamAMessageLongerThanTheRingInParts() throws Exception {
        MessageRing ring = ring(SMALLEST_CAPACITY);
        byte[] long1 = pattern(100_000, 7);
        byte[] long2 = pattern(3_333, 8);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                ring.write(BYTES, long1, 0, long1.length, null);
                ring.write(BYTES, long2, 0, long2.length, null);
                ring.write(INT, MessageCodec.encode(3).bytes(), 0, 4, null);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        assertArrayEquals(long1, ring.read(Deadline.FOREVER, null).payload());
        assertArrayEquals(long2, ring.read(Deadline.FOREVER, null).payload());
        MessageRing.Frame last = ring.read(Deadline.FOREVER, null);
        assertEquals(3, MessageCodec.decode(last.tag(), last.payload()));
        writer.join();
        assertNull(failure.get());
        assertFalse(ring.hasData());
    }

    @Test
    void shouldCarryEveryFrameOnceAndInOrderFromAWriterThreadToAReaderThread() throws Exception {
        MessageRing ring = ring(1024);
        int frames = 200_000;
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                for (int i = 0; i < frames; i++) {
                    byte[] payload = MessageCodec.encode(i).bytes();
                    if (i % 3 == 0) {
                        ring.write(INT, payload, 0, payload.length, null);
                    } else {
                        while (!ring.tryWrite(INT, payload)) {
                            Thread.onSpinWait();
                        }
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        writer.start();
        for (int i = 0; i < frames; i++) {
            MessageRing.Frame frame = ring.read(Deadline.FOREVER, null);
            assertEquals(i, MessageCodec.decode(frame.tag(), frame.payload()));
        }
        writer.join();
        assertNull(failure.get());
        assertFalse(ring.hasData());
    }

    @Test
    void shouldReportAGonePeerOnlyOnceNothingIsBuffered() {
        MessageRing ring = ring(SMALLEST_CAPACITY);
        assertTrue(ring.tryWrite(1, new byte[40]));
        assertEquals(40, ring.read(Deadline.FOREVER, () -> true).payload().length, "buffered frames come first");
        PeerGoneException eof = assertThrows(PeerGoneException.class, () -> ring.read(Deadline.FOREVER, () -> true));
        assertEquals("end of file: the sending end is closed", eof.getMessage());

        assertTrue(ring.tryWrite(1, new byte[40]));
        PeerGoneException broken = assertThrows(PeerGoneException.class,
                () -> ring.write(2, new byte[40], 0, 40, () -> true), "no room, and nobody will ever make some");
        assertEquals("broken pipe: the receiving end is closed", broken.getMessage());
    }
}
