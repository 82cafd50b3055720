package org.jmultiprocessing.spi.ship;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jmultiprocessing.internal.ship.CodeShipment;

/**
 * Code and data on their way out of this JVM, for a backend that runs tasks elsewhere (another machine): the
 * object graph, the notebook variables it reads, the bytecode of every class that exists only in this JVM's
 * memory (notebook cells) and the classpath entries for the rest. The same capture that child JVMs receive,
 * as one byte array. {@link Receiver} is the other side.
 */
public final class Shipment {
    private static final int FORMAT = 1;

    private final CodeShipment shipment;

    private Shipment(CodeShipment shipment) {
        this.shipment = shipment;
    }

    /**
     * Captures {@code root}.
     *
     * @param labelledParts the parts of {@code root} by what to call them in an error ("argument 1")
     * @param destination   where it goes, for the error ("a cluster member")
     * @throws org.jmultiprocessing.NotTransferableException naming the part that cannot be serialized
     */
    public static Shipment capture(Object root, Map<String, Object> labelledParts, String destination) {
        return new Shipment(CodeShipment.capture(root, labelledParts, destination));
    }

    /** The bytecode shipped, by binary class name. */
    public Map<String, byte[]> classes() {
        return shipment.classes();
    }

    /** Classpath entries the receiver needs (jars a notebook added), as paths on this machine. */
    public List<String> classpath() {
        return shipment.classpath();
    }

    /** A SHA-256 over the shipped classes' names and bytecode: equal for equal code, a key for a loader cache. */
    public String classesHash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            new TreeMap<>(shipment.classes()).forEach((name, bytes) -> {
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(bytes);
            });
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The whole shipment as bytes, for {@link #fromBytes}. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            writeBytes(out, shipment.serialized());
            writeBytes(out, shipment.variables());
            out.writeInt(shipment.classes().size());
            for (Map.Entry<String, byte[]> c : shipment.classes().entrySet()) {
                out.writeUTF(c.getKey());
                writeBytes(out, c.getValue());
            }
            out.writeInt(shipment.classpath().size());
            for (String entry : shipment.classpath()) {
                out.writeUTF(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // In memory.
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@link #toBytes()}.
     *
     * @throws IOException if the bytes are not a shipment of this kernel-lib version
     */
    public static Shipment fromBytes(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("shipment format " + format + ", expected " + FORMAT
                        + ": the sender runs another kernel-lib version");
            }
            byte[] serialized = readBytes(in);
            byte[] variables = readBytes(in);
            int classCount = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < classCount; i++) {
                classes.put(in.readUTF(), readBytes(in));
            }
            int entries = in.readInt();
            List<String> classpath = new ArrayList<>();
            for (int i = 0; i < entries; i++) {
                classpath.add(in.readUTF());
            }
            return new Shipment(new CodeShipment(serialized, variables, classes, classpath));
        } catch (RuntimeException e) {
            throw new IOException("not a shipment: " + e, e);
        }
    }

    CodeShipment shipment() {
        return shipment;
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("truncated shipment");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
