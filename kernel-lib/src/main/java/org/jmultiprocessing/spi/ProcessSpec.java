package org.jmultiprocessing.spi;

import java.util.Map;
import java.util.function.IntSupplier;

/**
 * What {@link Processes#start} starts: the task that travels to a new process, its parts named as an error
 * message should name them (e.g. "argument 1") when one cannot travel, and how to run it here instead, as
 * the current process of the calling thread (for a backend whose processes are threads of this JVM).
 *
 * @param labelledParts the task's target, arguments and process object by the names an error message uses
 * @param runHere       runs the task in the calling thread as its current process; returns the exit code
 */
public record ProcessSpec(ProcessTask task, Map<String, Object> labelledParts, IntSupplier runHere) {
}
