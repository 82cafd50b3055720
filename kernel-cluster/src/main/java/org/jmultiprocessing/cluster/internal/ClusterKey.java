package org.jmultiprocessing.cluster.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The cluster's shared secret. Hazelcast open-source has no authentication, so everything this backend puts
 * into the cluster (tasks, queue items, map values) is a sealed blob: a MAC (HMAC-SHA256 under this key)
 * followed by the payload. A receiver {@link #open opens} a blob before deserializing anything or defining
 * any class, and refuses it if the MAC does not match.
 */
public final class ClusterKey {
    /** Bytes of the MAC at the front of a sealed blob. */
    public static final int MAC_LENGTH = 32;
    private static final int KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    private ClusterKey(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException("a cluster key needs at least 16 bytes, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
    }

    /** A new random key (for a cluster started on this machine). */
    public static ClusterKey generate() {
        byte[] secret = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(secret);
        return new ClusterKey(secret);
    }

    /** The key in {@code file}: one line of hex, as {@link #write} stores it. */
    public static ClusterKey read(Path file) throws IOException {
        String text = Files.readString(file).trim();
        try {
            return new ClusterKey(HexFormat.of().parseHex(text));
        } catch (IllegalArgumentException e) {
            throw new IOException("the key file " + file + " does not hold a cluster key (one line of hex,"
                    + " at least 32 digits): " + e.getMessage(), e);
        }
    }

    /** The key written as hex, as {@link #write} stores it (e.g. handed to a member on its standard input). */
    public static ClusterKey fromHex(String hex) throws IOException {
        if (hex == null) {
            throw new IOException("no cluster key: the input ended before it");
        }
        try {
            return new ClusterKey(HexFormat.of().parseHex(hex.trim()));
        } catch (IllegalArgumentException e) {
            throw new IOException("not a cluster key (one line of hex, at least 32 digits): " + e.getMessage(), e);
        }
    }

    /** The key as one line of hex. */
    public String toHex() {
        return HexFormat.of().formatHex(key.getEncoded());
    }

    /** Stores the key in {@code file} as one line of hex, readable by the owner only where the file system allows. */
    public void write(Path file) throws IOException {
        Files.writeString(file, HexFormat.of().formatHex(key.getEncoded()) + "\n");
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file keeps its default permissions.
        }
    }

    /**
     * The Hazelcast cluster name for this key: members with different keys form different clusters (and never
     * merge), and the name reveals nothing of the key.
     */
    public String clusterName() {
        return "jmp-" + HexFormat.of().formatHex(mac("jmultiprocessing cluster name".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0, 8);
    }

    /** {@code payload} with its MAC in front. */
    public byte[] seal(byte[] payload) {
        byte[] mac = mac(payload);
        byte[] sealed = Arrays.copyOf(mac, MAC_LENGTH + payload.length);
        System.arraycopy(payload, 0, sealed, MAC_LENGTH, payload.length);
        return sealed;
    }

    /**
     * The payload of a blob made by {@link #seal}.
     *
     * @throws SecurityException if the blob was not sealed with this key (or was changed on the way)
     */
    public byte[] open(byte[] sealed) {
        if (sealed == null || sealed.length < MAC_LENGTH) {
            throw new SecurityException("refused: not a sealed cluster blob (no MAC); was it sent by another program?");
        }
        byte[] payload = Arrays.copyOfRange(sealed, MAC_LENGTH, sealed.length);
        if (!MessageDigest.isEqual(mac(payload), Arrays.copyOf(sealed, MAC_LENGTH))) {
            throw new SecurityException("refused: the blob's MAC does not match the cluster key"
                    + " (sent by a program without this cluster's key, or changed on the way)");
        }
        return payload;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM has no " + ALGORITHM, e);
        }
    }
}
