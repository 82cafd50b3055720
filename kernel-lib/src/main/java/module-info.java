/**
 * Python's {@code multiprocessing} for Java. Only the public API ({@code org.jmultiprocessing}) and the
 * backend SPI ({@code org.jmultiprocessing.spi}) are exported; {@code org.jmultiprocessing.internal.*} is
 * not. Notebooks and child JVMs load the jar on the classpath, where this descriptor does not apply.
 */
module org.jmultiprocessing {
    // sun.misc.Signal (a child's TERM handler) and sun.misc.Unsafe (unmapping on JDKs without java.lang.foreign).
    requires jdk.unsupported;

    exports org.jmultiprocessing;
    exports org.jmultiprocessing.spi;
    exports org.jmultiprocessing.spi.ship;
    exports org.jmultiprocessing.spi.support;

    uses org.jmultiprocessing.spi.Backend;
    uses org.jmultiprocessing.spi.ClassBytesSource;
}
