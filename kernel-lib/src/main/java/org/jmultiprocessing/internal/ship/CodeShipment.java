package org.jmultiprocessing.internal.ship;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jmultiprocessing.NotTransferableException;

/**
 * The one serialization seam for code that crosses into a child JVM: an object graph in Java serialization
 * (or, for the commonest shapes, in the compact form of {@link PlainShipment}), plus the bytecode of every class it needs that exists only in this JVM's memory (notebook cells), plus the
 * classpath the child needs for the rest (jars added with {@code %maven} or {@code %classpath}).
 *
 * <p>Notebook variables ({@code int limit = 10;} in a cell) are static fields of JShell's wrapper classes.
 * The values of those that the shipped code reads are copied too, as they are at capture time, so a target
 * sees the notebook's variables as a forked Python child would; static fields of classes the user declares
 * start fresh, as in Python's spawn. Variables whose values cannot be serialized are left at their defaults.
 *
 * @param serialized the object graph, for {@link ShippedClassLoader#deserialize}
 * @param variables  {@code Map<wrapper class, Map<field, value>>} of notebook variables, in the same form
 * @param classes    bytecode by binary name, for the child's {@link ShippedClassLoader}
 * @param classpath  file-system classpath entries for the child's user class loader
 */
public record CodeShipment(byte[] serialized, byte[] variables, Map<String, byte[]> classes, List<String> classpath) {
    /** JShell's wrapper of one snippet (JJava uses JShell too); its static fields are notebook variables. */
    private static final Pattern SNIPPET_WRAPPER = Pattern.compile("REPL\\.\\$JShell\\$\\d+");

    /** {@link #capture(Object, Map, String)} for a child process. */
    public static CodeShipment capture(Object root, Map<String, Object> labelledParts) {
        return capture(root, labelledParts, "the child process");
    }

    /**
     * Serializes {@code root} and collects what the child needs to deserialize it.
     *
     * @param labelledParts how to name the parts of {@code root} in an error message, e.g. "argument 1"
     * @param destination   where the parts go, for the error message: "the child process", "a pool worker"
     * @throws NotTransferableException naming the value that cannot be serialized and how it is reached
     */
    public static CodeShipment capture(Object root, Map<String, Object> labelledParts, String destination) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        byte[] serialized;
        try {
            serialized = serialize(root, seen);
        } catch (IOException | RuntimeException e) {
            String where = TransferPath.find(labelledParts);
            throw new NotTransferableException("cannot send to " + destination + ": "
                    + (where != null ? where : "serialization failed (" + e + ")") + "."
                    + " Make the class Serializable, mark the field transient, or pass the data it holds instead.", e);
        }
        Map<String, byte[]> classes = inMemoryClasses(seen);
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        byte[] serializedVariables;
        // Variable values may need more cell classes, whose code may use more variables: repeat until stable.
        while (true) {
            int known = variables.size();
            Set<String> readElsewhere = fieldsReadByOthers(classes);
            for (Class<?> wrapper : wrappers(classes.keySet(), seen)) {
                variables.computeIfAbsent(wrapper.getName(), name -> serializableStatics(wrapper, readElsewhere));
            }
            try {
                byte[] plain = PlainShipment.encodeVariables(variables);
                serializedVariables = plain != null ? plain : javaSerialized(variables, seen);
            } catch (IOException e) {
                throw new UncheckedIOException(e); // Each value was checked on its own.
            }
            classes = inMemoryClasses(seen);
            if (variables.size() == known) {
                break;
            }
        }
        return new CodeShipment(serialized, serializedVariables, classes, classpath(seen));
    }

    /** The shipment of {@code graph}: compact when {@link PlainShipment} has a form for it, else serialized. */
    private static byte[] serialize(Object graph, Set<Class<?>> seen) throws IOException {
        byte[] plain = PlainShipment.encode(graph, seen);
        return plain != null ? plain : javaSerialized(graph, seen);
    }

    private static byte[] javaSerialized(Object graph, Set<Class<?>> seen) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(PlainShipment.JAVA);
        try (RecordingOutputStream out = new RecordingOutputStream(bytes)) {
            out.writeObject(graph);
            out.flush();
            seen.addAll(out.classes);
        }
        return bytes.toByteArray();
    }

    /** The loaded snippet wrapper classes among the shipped class names. */
    private static List<Class<?>> wrappers(Set<String> shipped, Set<Class<?>> seen) {
        List<Class<?>> wrappers = new ArrayList<>();
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        seen.forEach(c -> loaders.add(loaderOf(c)));
        for (String name : shipped) {
            if (SNIPPET_WRAPPER.matcher(name).matches()) {
                for (ClassLoader loader : loaders) {
                    try {
                        wrappers.add(Class.forName(name, false, loader));
                        break;
                    } catch (ClassNotFoundException | LinkageError e) {
                        // Defined by another of the loaders.
                    }
                }
            }
        }
        return wrappers;
    }

    /**
     * Fields, as {@code owner#name}, that a shipped class other than their owner refers to. A snippet's own
     * wrapper assigns its variable; only another snippet's code reading it means the child needs the value.
     * (Copying more is not harmless: a copied end of a Pipe keeps that pipe open in the child.)
     */
    private static Set<String> fieldsReadByOthers(Map<String, byte[]> classes) {
        Set<String> read = new HashSet<>();
        classes.forEach((name, bytecode) -> {
            for (String field : ClassReferences.of(bytecode).fields()) {
                if (!field.startsWith(name + "#")) {
                    read.add(field);
                }
            }
        });
        return read;
    }

    /** The values of a wrapper's static fields that other shipped code reads and that serialize on their own. */
    private static Map<String, Object> serializableStatics(Class<?> wrapper, Set<String> readElsewhere) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : wrapper.getDeclaredFields()) {
            int mods = field.getModifiers();
            if (!Modifier.isStatic(mods) || Modifier.isFinal(mods) || field.isSynthetic()
                    || !readElsewhere.contains(wrapper.getName() + "#" + field.getName())) {
                continue;
            }
            try {
                field.setAccessible(true);
                Object value = field.get(null);
                if (value != null) {
                    javaSerialized(value, new HashSet<>());
                }
                values.put(field.getName(), value);
            } catch (IOException | ReflectiveOperationException | RuntimeException e) {
                // Not transferable: the child sees the field's default value.
            }
        }
        return values;
    }

    /** The in-memory classes among {@code roots} and every in-memory class they refer to, transitively. */
    static Map<String, byte[]> inMemoryClasses(Set<Class<?>> roots) {
        Map<String, byte[]> shipped = new LinkedHashMap<>();
        Set<String> looked = new HashSet<>();
        Deque<Map.Entry<ClassLoader, String>> work = new ArrayDeque<>();
        for (Class<?> c : roots) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (!c.isPrimitive()) {
                work.add(Map.entry(loaderOf(c), c.getName()));
            }
        }
        while (!work.isEmpty()) {
            Map.Entry<ClassLoader, String> next = work.poll();
            if (!looked.add(next.getValue())) {
                continue;
            }
            byte[] bytecode = ClassSources.bytesOf(next.getKey(), next.getValue());
            if (bytecode != null) {
                shipped.put(next.getValue(), bytecode);
                for (String referenced : ClassReferences.of(bytecode).classes()) {
                    work.add(Map.entry(next.getKey(), referenced));
                }
            }
        }
        return Collections.unmodifiableMap(shipped);
    }

    /**
     * This JVM's classpath, the file URLs of every loader that defined a class in the graph, and the jar or
     * folder of each of its classes from a named module (a modular program's: its loader has no URLs), which
     * the child loads from its classpath.
     */
    static List<String> classpath(Set<Class<?>> classes) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Paths.get(entry).toAbsolutePath().toString());
            }
        }
        Set<ClassLoader> loaders = new LinkedHashSet<>();
        loaders.add(Thread.currentThread().getContextClassLoader());
        for (Class<?> c : classes) {
            loaders.add(loaderOf(c));
            String location = moduleLocation(c);
            if (location != null) {
                entries.add(location);
            }
        }
        for (ClassLoader loader : loaders) {
            for (ClassLoader l = loader; l != null; l = l.getParent()) {
                if (l instanceof URLClassLoader u) {
                    for (URL url : u.getURLs()) {
                        if ("file".equals(url.getProtocol())) {
                            try {
                                entries.add(Paths.get(url.toURI()).toString());
                            } catch (URISyntaxException | IllegalArgumentException e) {
                                // Not a plain file URL: the child cannot use it either.
                            }
                        }
                    }
                }
            }
        }
        return List.copyOf(entries);
    }

    /**
     * Where {@code c} was loaded from when it belongs to a named module of the program (not the JDK's, not
     * this library's, which every child has); otherwise null.
     */
    private static String moduleLocation(Class<?> c) {
        if (!c.getModule().isNamed() || c.getModule() == CodeShipment.class.getModule()
                || c.getClassLoader() == null || c.getClassLoader() == ClassLoader.getPlatformClassLoader()) {
            return null;
        }
        CodeSource source = c.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null || !"file".equals(source.getLocation().getProtocol())) {
            return null;
        }
        try {
            return Paths.get(source.getLocation().toURI()).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null; // Not a plain file: the child cannot use it either.
        }
    }

    private static ClassLoader loaderOf(Class<?> c) {
        ClassLoader loader = c.getClassLoader();
        return loader != null ? loader : ClassLoader.getPlatformClassLoader();
    }

    /** Records every class whose descriptor goes into the stream, lambdas' capturing classes included. */
    private static final class RecordingOutputStream extends ObjectOutputStream {
        final Set<Class<?>> classes = new LinkedHashSet<>();

        RecordingOutputStream(ByteArrayOutputStream out) throws IOException {
            super(out);
        }

        @Override
        protected void annotateClass(Class<?> cl) {
            classes.add(cl);
        }

        @Override
        protected void annotateProxyClass(Class<?> cl) {
            classes.add(cl);
            classes.addAll(List.of(cl.getInterfaces()));
        }
    }
}
