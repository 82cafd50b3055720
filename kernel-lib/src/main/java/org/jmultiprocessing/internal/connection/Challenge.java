package org.jmultiprocessing.internal.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jmultiprocessing.AuthenticationException;
import org.jmultiprocessing.spi.Deadline;
import org.jmultiprocessing.spi.PeerGoneException;

/**
 * CPython's challenge and response ({@code multiprocessing.connection.deliver_challenge} and
 * {@code answer_challenge}), run before any message is decoded: each side proves to the other that it holds
 * the key, without sending it.
 *
 * <p>A challenge is {@code #CHALLENGE#} and a message; the answer is an HMAC of the message under the key,
 * and the challenger replies {@code #WELCOME#} or {@code #FAILURE#}. Two forms exist: CPython up to 3.11
 * sends 20 random bytes and expects the raw 16-byte HMAC-MD5; 3.12 and later send {@code {sha256}} and 40
 * random bytes and expect {@code {sha256}} and the HMAC-SHA256 of the whole message, prefix included. This
 * challenger sends the 3.12 form and accepts either answer, as 3.12 does (a 3.11 peer answers it with raw
 * HMAC-MD5); the answerer picks the form from the challenge.
 */
final class Challenge {
    private static final byte[] CHALLENGE = ascii("#CHALLENGE#");
    private static final byte[] WELCOME = ascii("#WELCOME#");
    private static final byte[] FAILURE = ascii("#FAILURE#");
    private static final int RANDOM_LENGTH = 40;
    /** The length of a 3.11 challenge's message, and of a raw HMAC-MD5 answer: both mean the legacy form. */
    private static final int LEGACY_MESSAGE_LENGTH = 20;
    private static final int LEGACY_ANSWER_LENGTH = 16;
    /** As CPython: no handshake message may be longer. */
    private static final int MAX_HANDSHAKE_MESSAGE = 256;
    /** The digests a prefixed message may name, by their Python names. */
    private static final Map<String, String> MACS = Map.of("md5", "HmacMD5", "sha256", "HmacSHA256", "sha384", "HmacSHA384");
    private static final SecureRandom RANDOM = new SecureRandom();

    private Challenge() {
    }

    /** The listener's side: challenges the client, then answers its challenge. */
    static void authenticateClient(SocketEnd end, byte[] authkey) {
        try {
            deliver(end, authkey);
            answer(end, authkey);
        } catch (PeerGoneException e) {
            throw peerLeft(end);
        }
    }

    /** The client's side: answers the listener's challenge, then challenges it. */
    static void authenticateListener(SocketEnd end, byte[] authkey) {
        try {
            answer(end, authkey);
            deliver(end, authkey);
        } catch (PeerGoneException e) {
            throw peerLeft(end);
        }
    }

    private static AuthenticationException peerLeft(SocketEnd end) {
        return new AuthenticationException("authentication failed: " + end + " closed the connection during the"
                + " handshake (it may have refused this side's key)");
    }

    /** The challenger's side: fails, after telling the peer, when its answer does not prove the key. */
    private static void deliver(SocketEnd end, byte[] authkey) {
        byte[] random = new byte[RANDOM_LENGTH];
        RANDOM.nextBytes(random);
        byte[] message = concat(ascii("{sha256}"), random);
        end.sendBytes(concat(CHALLENGE, message), 0, CHALLENGE.length + message.length);
        byte[] answer = receive(end);
        if (!proves(authkey, message, answer)) {
            try {
                end.sendBytes(FAILURE, 0, FAILURE.length);
            } catch (PeerGoneException alreadyGone) {
                // the peer does not wait for the verdict; the failure below is the same
            }
            throw new AuthenticationException("authentication failed: " + end + " answered the challenge with a wrong"
                    + " digest (it uses another authkey, or none); the connection is closed");
        }
        end.sendBytes(WELCOME, 0, WELCOME.length);
    }

    /** The answerer's side: fails when the challenger rejects the answer. */
    private static void answer(SocketEnd end, byte[] authkey) {
        byte[] challenge = receive(end);
        if (!startsWith(challenge, CHALLENGE)) {
            throw new AuthenticationException("authentication failed: " + end + " sent no challenge (it expects no"
                    + " authkey, or is no multiprocessing listener); the connection is closed");
        }
        byte[] message = Arrays.copyOfRange(challenge, CHALLENGE.length, challenge.length);
        byte[] response = respond(authkey, message, end);
        end.sendBytes(response, 0, response.length);
        if (!Arrays.equals(receive(end), WELCOME)) {
            throw new AuthenticationException("authentication failed: " + end + " rejected this authkey (both sides"
                    + " must use the same one); the connection is closed");
        }
    }

    private static byte[] respond(byte[] authkey, byte[] message, SocketEnd end) {
        if (message.length == LEGACY_MESSAGE_LENGTH) {
            return hmac("md5", authkey, message);
        }
        String digest = digestName(message);
        if (digest == null) {
            throw new AuthenticationException("authentication failed: " + end + " sent a challenge of an unknown form ("
                    + message.length + " bytes, no {digest} prefix of " + MACS.keySet() + "); the connection is closed");
        }
        return concat(ascii("{" + digest + "}"), hmac(digest, authkey, message));
    }

    /** Whether {@code answer} is an HMAC of {@code message} under the key, raw MD5 or prefixed with its digest. */
    private static boolean proves(byte[] authkey, byte[] message, byte[] answer) {
        if (answer.length == LEGACY_ANSWER_LENGTH) {
            return MessageDigest.isEqual(hmac("md5", authkey, message), answer);
        }
        String digest = digestName(answer);
        if (digest == null) {
            return false;
        }
        byte[] mac = Arrays.copyOfRange(answer, digest.length() + 2, answer.length);
        return MessageDigest.isEqual(hmac(digest, authkey, message), mac);
    }

    /** The digest named by a {@code {name}} prefix of {@code bytes}, if it is one this side computes. */
    private static String digestName(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != '{') {
            return null;
        }
        for (String name : MACS.keySet()) {
            byte[] prefix = ascii("{" + name + "}");
            if (startsWith(bytes, prefix)) {
                return name;
            }
        }
        return null;
    }

    private static byte[] hmac(String digest, byte[] authkey, byte[] message) {
        try {
            String algorithm = MACS.get(digest);
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(authkey, algorithm));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute HMAC-" + digest + ", which the handshake needs", e);
        }
    }

    private static byte[] receive(SocketEnd end) {
        return end.receiveBytes(Deadline.FOREVER, MAX_HANDSHAKE_MESSAGE);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
