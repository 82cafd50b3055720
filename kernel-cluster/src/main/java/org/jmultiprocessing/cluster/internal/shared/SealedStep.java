package org.jmultiprocessing.cluster.internal.shared;

import java.util.Map;

import com.hazelcast.map.EntryProcessor;

import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;

/**
 * One atomic step on a sealed entry of a session's {@link Site#sync() sync map}, run by the member that owns
 * the entry: opens the state (refusing a blob not sealed with the cluster key), applies the step, seals the
 * new state. The steps carry only primitives and strings, so a member deserializes nothing else for them.
 *
 * @param <R> what the step returns to the caller
 */
public abstract class SealedStep<R> implements EntryProcessor<String, byte[], R> {
    private static final long serialVersionUID = 1L;

    /** What a step returns and the state it leaves; {@code state} null leaves the entry unchanged. */
    public record Outcome<R>(R result, byte[] state) {
    }

    /** Applies the step to {@code state}, the payload of the entry {@code name}. */
    protected abstract Outcome<R> apply(String name, byte[] state);

    @Override
    public final R process(Map.Entry<String, byte[]> entry) {
        byte[] sealed = entry.getValue();
        if (sealed == null) {
            throw gone(entry.getKey());
        }
        ClusterKey key = ClusterRuntime.current().key();
        Outcome<R> outcome = apply(entry.getKey(), key.open(sealed));
        if (outcome.state() != null) {
            entry.setValue(key.seal(outcome.state()));
        }
        return outcome.result();
    }

    /** The error for an object whose entry is gone: its session ended. */
    public static IllegalStateException gone(String name) {
        return new IllegalStateException("the cluster object " + name + " no longer exists: its notebook session"
                + " ended (or the cluster lost it); make a new one");
    }
}
