package org.jmultiprocessing.internal.ship;

import org.jmultiprocessing.internal.codec.Deserialization;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The child's side of {@link CodeShipment}: defines shipped cell classes on demand, over a loader for the
 * parent's classpath. Classes can be added later (a pool worker receives new cell classes with new tasks).
 * Their bytecode stays available, so that a child can ship the cell classes on to its own children.
 */
public final class ShippedClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> pending = new ConcurrentHashMap<>();

    public ShippedClassLoader(List<String> classpath, ClassLoader parent) {
        super("notebook", classpathLoader(classpath, parent));
    }

    /** Makes {@code classes} loadable; a name already defined keeps its first definition. */
    public void add(Map<String, byte[]> classes) {
        pending.putAll(classes);
    }

    /** The bytecode shipped for {@code binaryName}, or {@code null} if it was not shipped to this loader. */
    byte[] shippedBytes(String binaryName) {
        return pending.get(binaryName);
    }

    /**
     * Shipped classes first: they exist only in the parent's memory, and asking the classpath loader first
     * would open every jar on it (a notebook kernel's own jar is large) before failing.
     */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!pending.containsKey(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = findClass(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = pending.get(name);
        if (bytes == null) {
            throw new ClassNotFoundException(name);
        }
        return defineClass(name, bytes, 0, bytes.length);
    }

    /** Reads a graph shipped by {@link CodeShipment#capture}, resolving classes through this loader. */
    public Object deserialize(byte[] shipped) throws IOException, ClassNotFoundException {
        if (shipped.length == 0) {
            throw new IOException("empty shipment (kernel-lib versions differ?)");
        }
        if (shipped[0] != PlainShipment.JAVA) {
            return PlainShipment.decode(shipped, this);
        }
        return Deserialization.read(shipped, 1, shipped.length - 1, this);
    }

    /** Sets notebook variables captured by {@link CodeShipment} (wrapper class name to field values). */
    public void restoreVariables(byte[] serializedVariables) throws IOException, ClassNotFoundException {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> variables = (Map<String, Map<String, Object>>) deserialize(serializedVariables);
        for (Map.Entry<String, Map<String, Object>> wrapper : variables.entrySet()) {
            Class<?> type = Class.forName(wrapper.getKey(), true, this);
            for (Map.Entry<String, Object> field : wrapper.getValue().entrySet()) {
                try {
                    Field f = type.getDeclaredField(field.getKey());
                    f.setAccessible(true);
                    f.set(null, field.getValue());
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot restore notebook variable " + field.getKey(), e);
                }
            }
        }
    }

    private static ClassLoader classpathLoader(List<String> classpath, ClassLoader parent) {
        if (classpath.isEmpty()) {
            return parent;
        }
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = Paths.get(classpath.get(i)).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("bad classpath entry " + classpath.get(i), e);
            }
        }
        return new URLClassLoader("jmp-classpath", urls, parent);
    }
}
