package org.jmultiprocessing.internal.ship;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jmultiprocessing.internal.codec.PlainValues;
import org.jmultiprocessing.spi.ProcessTask;

/**
 * The compact form of the commonest shipments: a lambda or method reference, a process's {@link ProcessTask}
 * whose target is one, and notebook variables, when every value they carry is plain (null, a String, a boxed
 * primitive, a byte array: see {@link PlainValues}). A cold child JVM reads it without {@code java.io}
 * serialization, whose first use (stream classes, reflection, generated constructor accessors) is a large
 * share of a cold start. A process target is rebuilt as a {@link ReflectiveTarget}; other lambdas the way
 * deserialization rebuilds them, by their capturing class's {@code $deserializeLambda$}.
 *
 * <pre>
 * shipment:  byte kind | body
 *   JAVA:      a java.io serialization stream
 *   LAMBDA:    lambda
 *   PROCESS:   string name | boolean daemon | int n, n * int identity | lambda target | int n, n * value arg
 *   VARIABLES: int n, n * (string wrapperClass | int m, m * (string field | value))
 * lambda:    string capturingClass | string interface | string method | string signature | int implKind
 *            | string implClass | string implMethod | string implSignature | string instantiatedType
 *            | int n, n * value captured
 * value:     a tagged value of {@link PlainValues}
 * string:    int length | UTF-8 bytes
 * </pre>
 */
public final class PlainShipment {
    static final byte JAVA = 0;
    private static final byte LAMBDA = 1;
    private static final byte PROCESS = 2;
    private static final byte VARIABLES = 3;

    private PlainShipment() {
    }

    /**
     * The compact form of {@code root} (a lambda or a {@link ProcessTask}), adding the classes whose code must
     * travel to {@code seen}; {@code null} when it has no compact form.
     */
    public static byte[] encode(Object root, Set<Class<?>> seen) {
        if (root instanceof ProcessTask parts) {
            SerializedLambda target = serializedLambda(parts.target());
            if (target == null || !PlainValues.allPlain(parts.args())) {
                return null;
            }
            return write(out -> {
                out.writeByte(PROCESS);
                writeString(out, parts.name());
                out.writeBoolean(parts.daemon());
                out.writeInt(parts.identity().length);
                for (int id : parts.identity()) {
                    out.writeInt(id);
                }
                writeLambda(out, target);
                writeValues(out, parts.args());
                seen.add(capturingClass(parts.target(), target));
            });
        }
        SerializedLambda lambda = serializedLambda(root);
        if (lambda == null) {
            return null;
        }
        return write(out -> {
            out.writeByte(LAMBDA);
            writeLambda(out, lambda);
            seen.add(capturingClass(root, lambda));
        });
    }

    /** The compact form of notebook variables, or {@code null} when a value is not plain. */
    public static byte[] encodeVariables(Map<String, Map<String, Object>> variables) {
        for (Map<String, Object> fields : variables.values()) {
            if (!PlainValues.allPlain(fields.values().toArray())) {
                return null;
            }
        }
        return write(out -> {
            out.writeByte(VARIABLES);
            out.writeInt(variables.size());
            for (Map.Entry<String, Map<String, Object>> wrapper : variables.entrySet()) {
                writeString(out, wrapper.getKey());
                out.writeInt(wrapper.getValue().size());
                for (Map.Entry<String, Object> field : wrapper.getValue().entrySet()) {
                    writeString(out, field.getKey());
                    PlainValues.write(out, field.getValue());
                }
            }
        });
    }

    /** Reads a shipment of any kind but {@link #JAVA}, resolving classes through {@code loader}. */
    public static Object decode(byte[] shipment, ClassLoader loader) throws IOException, ClassNotFoundException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(shipment));
        byte kind = in.readByte();
        switch (kind) {
            case LAMBDA:
                return readLambda(in, loader);
            case PROCESS: {
                String name = readString(in);
                boolean daemon = in.readBoolean();
                int[] identity = new int[in.readInt()];
                for (int i = 0; i < identity.length; i++) {
                    identity[i] = in.readInt();
                }
                Serializable target = (Serializable) readLambda(in, loader);
                return new ProcessTask(name, daemon, identity, target, readValues(in));
            }
            case VARIABLES: {
                Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
                for (int n = in.readInt(); n > 0; n--) {
                    String wrapper = readString(in);
                    Map<String, Object> fields = new LinkedHashMap<>();
                    for (int m = in.readInt(); m > 0; m--) {
                        fields.put(readString(in), PlainValues.read(in));
                    }
                    variables.put(wrapper, fields);
                }
                return variables;
            }
            default:
                throw new IOException("unknown shipment kind " + kind + " (kernel-lib versions differ?)");
        }
    }

    /**
     * A serializable lambda's own description, as serialization would write it; {@code null} for anything
     * else, and for lambdas of named modules, whose {@code $deserializeLambda$} the child may not call.
     */
    private static SerializedLambda serializedLambda(Object candidate) {
        if (!(candidate instanceof Serializable) || !candidate.getClass().isSynthetic()
                || candidate.getClass().getModule().isNamed()) {
            return null;
        }
        try {
            Method writeReplace = candidate.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object replaced = writeReplace.invoke(candidate);
            if (replaced instanceof SerializedLambda lambda && PlainValues.allPlain(captured(lambda))) {
                return lambda;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Not a serializable lambda after all: the caller falls back to serialization.
        }
        return null;
    }

    private static Class<?> capturingClass(Object lambda, SerializedLambda description) {
        try {
            return Class.forName(description.getCapturingClass().replace('/', '.'), false,
                    lambda.getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("a lambda's capturing class is not visible from its own loader", e);
        }
    }

    private static void writeLambda(DataOutputStream out, SerializedLambda lambda) throws IOException {
        writeString(out, lambda.getCapturingClass());
        writeString(out, lambda.getFunctionalInterfaceClass());
        writeString(out, lambda.getFunctionalInterfaceMethodName());
        writeString(out, lambda.getFunctionalInterfaceMethodSignature());
        out.writeInt(lambda.getImplMethodKind());
        writeString(out, lambda.getImplClass());
        writeString(out, lambda.getImplMethodName());
        writeString(out, lambda.getImplMethodSignature());
        writeString(out, lambda.getInstantiatedMethodType());
        writeValues(out, captured(lambda));
    }

    private static Object readLambda(DataInputStream in, ClassLoader loader) throws IOException, ClassNotFoundException {
        Class<?> capturing = Class.forName(readString(in).replace('/', '.'), false, loader);
        SerializedLambda description = new SerializedLambda(capturing, readString(in), readString(in),
                readString(in), in.readInt(), readString(in), readString(in), readString(in), readString(in),
                readValues(in));
        Serializable target = ReflectiveTarget.of(description, loader);
        if (target != null) {
            return target;
        }
        try {
            Method deserialize = capturing.getDeclaredMethod("$deserializeLambda$", SerializedLambda.class);
            deserialize.setAccessible(true);
            return deserialize.invoke(null, description);
        } catch (InvocationTargetException e) {
            throw new IOException("cannot rebuild the lambda of " + capturing.getName() + ": " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IOException("cannot rebuild the lambda of " + capturing.getName() + ": " + e, e);
        }
    }

    private static Object[] captured(SerializedLambda lambda) {
        Object[] values = new Object[lambda.getCapturedArgCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = lambda.getCapturedArg(i);
        }
        return values;
    }

    private static void writeValues(DataOutputStream out, Object[] values) throws IOException {
        out.writeInt(values.length);
        for (Object value : values) {
            PlainValues.write(out, value);
        }
    }

    private static Object[] readValues(DataInputStream in) throws IOException {
        Object[] values = new Object[in.readInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = PlainValues.read(in);
        }
        return values;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        PlainValues.writeString(out, s);
    }

    private static String readString(DataInputStream in) throws IOException {
        return PlainValues.readString(in);
    }

    private interface Body {
        void writeTo(DataOutputStream out) throws IOException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            body.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // A byte array does not fail.
        }
        return bytes.toByteArray();
    }
}
