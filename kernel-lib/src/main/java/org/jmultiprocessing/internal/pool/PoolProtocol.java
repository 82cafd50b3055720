package org.jmultiprocessing.internal.pool;

import org.jmultiprocessing.internal.codec.ValueCodec;

/**
 * The messages between a pool and a worker, after the handshake of {@link PoolChannel}. Each request gets
 * exactly one reply, so a worker is never more than one chunk behind.
 *
 * <pre>
 * pool to worker:  CHUNK  | byte starred | classes | byte hasFunction
 *                         | [bytes variables | bytes function] | values (see {@link ValueCodec})
 *                  STOP
 * worker to pool:  RESULTS | values
 *                  FAILED  | byte kind | byte workerExits | UTF description | bytes remoteTraceback | bytes exception
 * </pre>
 *
 * Classes are sent once per worker (the pool remembers which it sent); the function only when it differs
 * from the one the worker holds.
 */
final class PoolProtocol {
    static final int CHUNK = 1;
    static final int STOP = 2;
    static final int RESULTS = 10;
    static final int FAILED = 11;

    /** The task threw. */
    static final int RAISED = 1;
    /** A result could not be serialized. */
    static final int RESULT_NOT_TRANSFERABLE = 2;
    /** The worker could not deserialize the function or the arguments. */
    static final int NOT_RECEIVED = 3;

    private PoolProtocol() {
    }
}
