package org.jmultiprocessing.internal.shm;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.spi.SharedBlocks;

/**
 * Named blocks as files {@code shm-<name>} in the session directory, each a {@link SharedRegion}: every
 * process of the session can attach by name. Also what the thread backend uses, since a named block works
 * within one JVM as well.
 */
public final class SharedMemoryBlocks implements SharedBlocks {
    public static final SharedMemoryBlocks INSTANCE = new SharedMemoryBlocks();

    private SharedMemoryBlocks() {
    }

    @Override
    public int maxSize() {
        return RegionDescriptor.MAX_PAYLOAD_LENGTH;
    }

    @Override
    public Block create(String name, int size) {
        return new SharedBlock(SharedRegion.create(SharedBlock.pathOf(Session.current(), name), size), 0);
    }

    @Override
    public Block attach(String name) {
        Path path = SharedBlock.pathOf(Session.current(), name);
        return Files.exists(path) ? new SharedBlock(SharedRegion.attach(path), 0) : null;
    }

    @Override
    public Owned owned() {
        return OwnedBlocks.create();
    }

    @Override
    public ListLayout layOut(List<?> items) {
        return new ShareableListLayout(items);
    }

    @Override
    public ItemList list(ByteBuffer memory) {
        return new ShareableListItems(memory);
    }
}
