package org.jmultiprocessing.internal.shm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.spi.Rebuild;
import org.jmultiprocessing.spi.SharedBlocks;

/**
 * One process's use of a named block: a counted {@link SharedRegion.Hold}, so that {@link #close()} unmaps
 * the memory once the accesses in flight have exited, unless a buffer was handed out ({@link #keepMapped()}).
 */
final class SharedBlock implements SharedBlocks.Block {
    static final String PREFIX = "shm-";

    private final String name;
    private final SharedRegion region;
    private final SharedRegion.Hold hold;
    private final int size;

    /** @param senderPid the process that sent the block, or 0 for one created or attached here */
    SharedBlock(SharedRegion region, long senderPid) {
        this.name = region.path().getFileName().toString().substring(PREFIX.length());
        this.region = region;
        this.size = region.payloadLength();
        this.hold = senderPid == 0 ? region.hold(this, 0) : region.acceptTransit(this, 0, senderPid);
    }

    static Path pathOf(Session session, String name) {
        return session.directory().resolve(PREFIX + name);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean enter() {
        return hold.enter();
    }

    @Override
    public void exit() {
        hold.exit();
    }

    @Override
    public ByteBuffer buffer() {
        return region.buffer().slice(RegionDescriptor.HEADER_LENGTH, size).order(ByteOrder.nativeOrder());
    }

    @Override
    public void keepMapped() {
        region.pin();
    }

    @Override
    public void close() {
        hold.release();
    }

    @Override
    public void unlink() {
        try {
            Files.deleteIfExists(region.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unlink shared memory " + name, e);
        }
    }

    @Override
    public Object transit(Rebuild<SharedBlocks.Block> rebuild) {
        return SharedHandle.of(region, 0, (attached, senderPid) -> rebuild.around(new SharedBlock(attached, senderPid)));
    }
}
