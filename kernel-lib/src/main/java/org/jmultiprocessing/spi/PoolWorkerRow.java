package org.jmultiprocessing.spi;

/**
 * One worker of a pool as its table shows it.
 *
 * @param itemsDone    items this worker process has completed since it started
 * @param runningCall  the pool method whose items it runs now ({@code "map"}, ...), or {@code null} when idle
 * @param runningItems how many items it runs now
 */
public record PoolWorkerRow(long pid, long itemsDone, String runningCall, int runningItems) {
}
