package org.jmultiprocessing.internal.thread;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jmultiprocessing.spi.MessageChannel;
import org.jmultiprocessing.spi.PeerGoneException;

/**
 * One direction of a pipe between threads: the messages sent and not yet received, and whether the sending
 * and the receiving end are closed, so that the receiver sees end-of-file and the sender a broken pipe.
 */
final class LocalMailbox {
    /** Stands for a null message, which the deque does not take. */
    private static final Object NULL_MESSAGE = new Object();

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<Object> messages = new ArrayDeque<>();
    private boolean senderClosed;
    private boolean receiverClosed;

    void put(Object message) {
        lock.lock();
        try {
            if (receiverClosed) {
                throw new PeerGoneException("broken pipe: the receiving end is closed");
            }
            messages.addLast(message == null ? NULL_MESSAGE : message);
            notEmpty.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next message; {@link MessageChannel#NOTHING} if none came by {@code deadline}. */
    Object take(long deadline) {
        lock.lock();
        try {
            while (messages.isEmpty()) {
                if (senderClosed) {
                    throw new PeerGoneException("end of file: the sending end is closed");
                }
                if (!LocalQueue.awaitUntil(notEmpty, deadline)) {
                    return MessageChannel.NOTHING;
                }
            }
            Object message = messages.removeFirst();
            return message == NULL_MESSAGE ? null : message;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until {@code deadline} for a message or the sender's close; returns whether one came. */
    boolean poll(long deadline) {
        lock.lock();
        try {
            while (messages.isEmpty() && !senderClosed) {
                if (!LocalQueue.awaitUntil(notEmpty, deadline)) {
                    return false;
                }
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    void closeSender() {
        lock.lock();
        try {
            senderClosed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void closeReceiver() {
        lock.lock();
        try {
            receiverClosed = true;
        } finally {
            lock.unlock();
        }
    }
}
