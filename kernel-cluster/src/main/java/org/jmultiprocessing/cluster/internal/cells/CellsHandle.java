package org.jmultiprocessing.cluster.internal.cells;

import java.io.Serializable;
import java.util.function.Function;

import org.jmultiprocessing.spi.Rebuild;

/** A value or an array on its way to another JVM: the names of its cells, reattached where it arrives. */
record CellsHandle<S>(Cells.Ref ref, Rebuild<S> rebuild, Wrap<S> wrap) implements Serializable {
    /** Makes the implementation around the reattached cells (a constructor reference). */
    interface Wrap<S> extends Function<Cells, S>, Serializable {
    }

    private Object readResolve() {
        return rebuild.around(wrap.apply(ref.attach()));
    }
}
