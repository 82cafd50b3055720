package org.jmultiprocessing.internal.shm;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.ref.Cleaner;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file mapped into memory that can be unmapped before the garbage collector finds its buffer unreachable,
 * which Java 17's API cannot do: on JDK 22 and later the file is mapped into a shared {@code Arena}, closed to
 * unmap; on older JDKs {@code sun.misc.Unsafe.invokeCleaner} (module {@code jdk.unsupported}) unmaps, the
 * only way there (JDK 24 and later warn about it, hence the arena). If neither is available, the mapping
 * ends with garbage collection as before.
 *
 * <p>Unmapping while another thread still accesses the buffer crashes a JDK before 22 and makes the access
 * fail on later ones: {@link SharedRegion} unmaps only when no operation is in flight. A mapping that is
 * not unmapped ends once its buffer and every slice of it are unreachable: the JDK's own cleaner unmaps a
 * plain mapping, and {@link #CLEANER} closes an arena.
 */
final class FileMapping {
    private static final Cleaner CLEANER = Cleaner.create();
    private static final MethodHandle NEW_ARENA;
    private static final MethodHandle MAP_INTO_ARENA;
    private static final MethodHandle AS_BYTE_BUFFER;
    private static final MethodHandle CLOSE_ARENA;
    private static final MethodHandle INVOKE_CLEANER;

    static {
        MethodHandle newArena = null;
        MethodHandle mapIntoArena = null;
        MethodHandle asByteBuffer = null;
        MethodHandle closeArena = null;
        MethodHandle invokeCleaner = null;
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        try {
            if (Runtime.version().feature() >= 22) {
                Class<?> arena = Class.forName("java.lang.foreign.Arena");
                Class<?> segment = Class.forName("java.lang.foreign.MemorySegment");
                newArena = lookup.findStatic(arena, "ofShared", MethodType.methodType(arena));
                mapIntoArena = lookup.findVirtual(FileChannel.class, "map",
                        MethodType.methodType(segment, FileChannel.MapMode.class, long.class, long.class, arena));
                asByteBuffer = lookup.findVirtual(segment, "asByteBuffer", MethodType.methodType(ByteBuffer.class));
                closeArena = lookup.findVirtual(arena, "close", MethodType.methodType(void.class));
            } else {
                Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
                Field theUnsafe = unsafeClass.getDeclaredField("theUnsafe");
                theUnsafe.setAccessible(true);
                invokeCleaner = lookup.findVirtual(unsafeClass, "invokeCleaner",
                        MethodType.methodType(void.class, ByteBuffer.class)).bindTo(theUnsafe.get(null));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Neither is available (a stripped runtime): mappings end with garbage collection.
            newArena = null;
            invokeCleaner = null;
        }
        NEW_ARENA = newArena;
        MAP_INTO_ARENA = mapIntoArena;
        AS_BYTE_BUFFER = asByteBuffer;
        CLOSE_ARENA = closeArena;
        INVOKE_CLEANER = invokeCleaner;
    }

    private final MappedByteBuffer buffer;
    /** Closes the arena (JDK 22+), explicitly or once the buffer is unreachable; null otherwise. */
    private final Cleaner.Cleanable arenaCloser;

    private FileMapping(MappedByteBuffer buffer, Cleaner.Cleanable arenaCloser) {
        this.buffer = buffer;
        this.arenaCloser = arenaCloser;
    }

    /** Maps the first {@code length} bytes of {@code channel}, in native byte order. */
    static FileMapping map(FileChannel channel, FileChannel.MapMode mode, long length) throws IOException {
        if (NEW_ARENA == null) {
            MappedByteBuffer buffer = channel.map(mode, 0, length);
            buffer.order(ByteOrder.nativeOrder());
            return new FileMapping(buffer, null);
        }
        Object arena = invoke(NEW_ARENA);
        try {
            MappedByteBuffer buffer = (MappedByteBuffer) AS_BYTE_BUFFER.invoke(MAP_INTO_ARENA.invoke(channel, mode, 0L, length, arena));
            buffer.order(ByteOrder.nativeOrder());
            return new FileMapping(buffer, CLEANER.register(buffer, () -> closeArena(arena)));
        } catch (IOException | RuntimeException | Error e) {
            closeArena(arena);
            throw e;
        } catch (Throwable e) {
            closeArena(arena);
            throw new IllegalStateException("cannot map " + length + " bytes", e);
        }
    }

    MappedByteBuffer buffer() {
        return buffer;
    }

    /** Unmaps now. No access to the buffer (or a slice of it) may be in flight or come later. */
    void unmap() {
        if (arenaCloser != null) {
            arenaCloser.clean();
        } else if (INVOKE_CLEANER != null) {
            try {
                INVOKE_CLEANER.invokeExact((ByteBuffer) buffer);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot unmap a shared memory file", e);
            }
        }
    }

    private static Object invoke(MethodHandle handle) {
        try {
            return handle.invoke();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeArena(Object arena) {
        try {
            CLOSE_ARENA.invoke(arena);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
