package org.jmultiprocessing.internal.launch;

import org.jmultiprocessing.internal.codec.Deserialization;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two-step handshake on a child's stdin, as in CPython's spawn: first a prepare frame (who the parent
 * is, the session, the classpath and the shipped classes), then a task frame (the serialized task). The
 * stdin pipe then stays open: its end-of-file tells the child that the parent died.
 *
 * <pre>
 * prepare: int MAGIC | UTF sessionDir | int keyLength, key | UTF parentName | long parentPid
 *          | int patternLength, serial filter pattern (UTF-8, empty for none) | UTF stderr log level (empty for off)
 *          | int n, n * UTF classpathEntry | int m, m * (UTF binaryName | int length | bytecode)
 * task:    int length | serialized notebook variables | int length | serialized ProcessTask
 * </pre>
 */
public final class Bootstrap {
    static final int MAGIC = 0x4A4D5001;

    /**
     * @param serialFilter the user's deserialization filter ({@link Deserialization}), "" for none
     * @param logLevel     the level of the parent's stderr logging ({@code LibraryLog}), "" when off
     */
    record Preparation(Path sessionDir, byte[] authKey, String parentName, long parentPid, String serialFilter,
                       String logLevel, List<String> classpath, Map<String, byte[]> classes) {
    }

    private Bootstrap() {
    }

    static void writePreparation(DataOutputStream out, Preparation p) throws IOException {
        out.writeInt(MAGIC);
        out.writeUTF(p.sessionDir().toString());
        writeBytes(out, p.authKey());
        out.writeUTF(p.parentName());
        out.writeLong(p.parentPid());
        writeBytes(out, p.serialFilter().getBytes(StandardCharsets.UTF_8));
        out.writeUTF(p.logLevel());
        out.writeInt(p.classpath().size());
        for (String entry : p.classpath()) {
            out.writeUTF(entry);
        }
        writeClasses(out, p.classes());
    }

    static Preparation readPreparation(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new IOException("not a jmultiprocessing parent: bad handshake (kernel-lib versions differ?)");
        }
        Path dir = Paths.get(in.readUTF());
        byte[] key = readBytes(in);
        String parentName = in.readUTF();
        long parentPid = in.readLong();
        String serialFilter = new String(readBytes(in), StandardCharsets.UTF_8);
        String logLevel = in.readUTF();
        int n = in.readInt();
        List<String> classpath = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            classpath.add(in.readUTF());
        }
        return new Preparation(dir, key, parentName, parentPid, serialFilter, logLevel, classpath, readClasses(in));
    }

    static void writeClasses(DataOutputStream out, Map<String, byte[]> classes) throws IOException {
        out.writeInt(classes.size());
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            out.writeUTF(c.getKey());
            writeBytes(out, c.getValue());
        }
    }

    static Map<String, byte[]> readClasses(DataInputStream in) throws IOException {
        int m = in.readInt();
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            classes.put(in.readUTF(), readBytes(in));
        }
        return classes;
    }

    static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return bytes;
    }
}
