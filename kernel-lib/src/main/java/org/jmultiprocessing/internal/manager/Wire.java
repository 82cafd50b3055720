package org.jmultiprocessing.internal.manager;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jmultiprocessing.internal.codec.MessageCodec;

/**
 * The manager's protocol over a Unix domain socket. First a challenge each way (Python's
 * {@code deliver_challenge}/{@code answer_challenge} with the session's authkey): the server sends random
 * bytes, the client answers their HMAC-SHA256, the server says whether that was right, then the same the
 * other way, so neither side reads an object from a party that does not hold the key. Then requests, each a
 * call of one method on one held object, and one reply per request.
 */
final class Wire {
    static final int CHALLENGE_BYTES = 32;
    static final int WELCOME = 1;
    static final int FAILURE = 0;

    static final int CALL = 1;
    static final int SHUTDOWN = 2;

    /** Reply: a value follows (serialized). */
    static final int RETURNED = 0;
    /** Reply: the object made is held by the server; its number follows. */
    static final int HELD = 1;
    /** Reply: the call threw; the exception follows (serialized). */
    static final int THREW = 2;
    /** Reply: a channel's receive timed out (its {@code NOTHING}). */
    static final int NOTHING = 3;

    /** Request arguments: a shipment (cell classes and lambdas included) follows. */
    static final int SHIPPED = 0;
    /** Request arguments: plain values only (null, strings, boxed primitives, primitive arrays), each tagged. */
    static final int PLAIN = 1;

    /** A frame larger than this is refused as corrupt (no message of this library comes near it). */
    static final int MAX_FRAME = Integer.MAX_VALUE - 64;

    private Wire() {
    }

    static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no HmacSHA256", e);
        }
    }

    static byte[] challenge() {
        try (FileInputStream urandom = new FileInputStream("/dev/urandom")) {
            byte[] bytes = urandom.readNBytes(CHALLENGE_BYTES);
            if (bytes.length == CHALLENGE_BYTES) {
                return bytes;
            }
        } catch (IOException e) {
            // Not a Unix-like system: use the JCA.
        }
        byte[] bytes = new byte[CHALLENGE_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** Sends a challenge and checks the answer; tells the other side the verdict. */
    static boolean challenge(DataInputStream in, DataOutputStream out, byte[] key) throws IOException {
        byte[] challenge = challenge();
        out.write(challenge);
        out.flush();
        byte[] answer = in.readNBytes(CHALLENGE_BYTES);
        boolean right = answer.length == CHALLENGE_BYTES && MessageDigest.isEqual(answer, hmac(key, challenge));
        out.writeByte(right ? WELCOME : FAILURE);
        out.flush();
        return right;
    }

    /** Answers the other side's challenge; returns whether it accepted the answer. */
    static boolean answer(DataInputStream in, DataOutputStream out, byte[] key) throws IOException {
        byte[] challenge = in.readNBytes(CHALLENGE_BYTES);
        if (challenge.length != CHALLENGE_BYTES) {
            throw new EOFException("the connection closed during the handshake");
        }
        out.write(hmac(key, challenge));
        out.flush();
        return in.readUnsignedByte() == WELCOME;
    }

    /** Whether {@code value} has a compact form of {@link MessageCodec}: a plain value needs no shipment. */
    static boolean isPlain(Object value) {
        return value == null || value instanceof String || value instanceof Integer || value instanceof Long
                || value instanceof Double || value instanceof Boolean || value instanceof Float || value instanceof Short
                || value instanceof Byte || value instanceof Character || value instanceof byte[];
    }

    /** {@code value} in {@link MessageCodec}'s form: its tag, then its bytes. */
    static void writeValue(DataOutputStream out, Object value) throws IOException {
        MessageCodec.Encoded encoded = MessageCodec.encode(value);
        out.writeByte(encoded.tag());
        writeFrame(out, encoded.bytes());
    }

    static Object readValue(DataInputStream in) throws IOException {
        int tag = in.readUnsignedByte();
        return MessageCodec.decode(tag, readFrame(in));
    }

    static void writeFrame(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readFrame(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("corrupt frame of " + length + " bytes");
        }
        return in.readNBytes(length);
    }
}
