package org.jmultiprocessing.internal.ship;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;

import org.jmultiprocessing.spi.ClassBytesSource;

/** The built-in {@link ClassBytesSource}s, then any the kernel's classpath provides. */
final class ClassSources {
    private static final List<ClassBytesSource> SOURCES = load();
    private static final String LIBRARY_PACKAGE = "org.jmultiprocessing.";

    private ClassSources() {
    }

    /** The bytecode to ship for {@code binaryName}, or {@code null} when the child can load it itself. */
    static byte[] bytesOf(ClassLoader loader, String binaryName) {
        // java.* can only come from the JDK, and this library's classes are on every child's classpath:
        // asking a notebook's loader for them walks its whole delegation chain for nothing.
        if (loader == null || loader == ClassLoader.getPlatformClassLoader() || binaryName.startsWith("java.")
                || binaryName.startsWith(LIBRARY_PACKAGE)) {
            return null;
        }
        for (ClassBytesSource source : SOURCES) {
            byte[] bytes = source.classBytes(loader, binaryName);
            if (bytes != null) {
                return bytes;
            }
        }
        return null;
    }

    private static List<ClassBytesSource> load() {
        List<ClassBytesSource> sources = new ArrayList<>(List.of(new ReceivedFromParent(), new DeclaredClassesMap(),
                new InMemoryResource()));
        ServiceLoader.load(ClassBytesSource.class, ClassSources.class.getClassLoader()).forEach(sources::add);
        return List.copyOf(sources);
    }

    /**
     * In a child, the cell classes it was sent: a child that starts processes or a pool of its own passes
     * them on, so cell code can be spawned to any depth.
     */
    static final class ReceivedFromParent implements ClassBytesSource {
        @Override
        public byte[] classBytes(ClassLoader loader, String binaryName) {
            return loader instanceof ShippedClassLoader shipped ? shipped.shippedBytes(binaryName) : null;
        }
    }

    /**
     * JShell's default loader (the local execution engine, which IJava uses) serves snippet bytecode as
     * resources with an in-memory URL; classes from files and jars are on the child's classpath instead.
     */
    static final class InMemoryResource implements ClassBytesSource {
        private static final Set<String> CLASSPATH_PROTOCOLS = Set.of("file", "jar", "jrt");

        @Override
        public byte[] classBytes(ClassLoader loader, String binaryName) {
            URL url = loader.getResource(binaryName.replace('.', '/') + ".class");
            if (url == null || CLASSPATH_PROTOCOLS.contains(url.getProtocol())) {
                return null;
            }
            try (InputStream in = url.openStream()) {
                return in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        }
    }

    /**
     * JJava keeps snippet bytecode in a private {@code Map<String, byte[]> declaredClasses} of the loader
     * delegate that owns its class loader (an inner class, hence {@code this$0}).
     */
    static final class DeclaredClassesMap implements ClassBytesSource {
        private final Map<ClassLoader, Map<?, ?>> maps = new WeakHashMap<>();

        @Override
        public synchronized byte[] classBytes(ClassLoader loader, String binaryName) {
            Map<?, ?> declared = maps.computeIfAbsent(loader, DeclaredClassesMap::find);
            Object bytes = declared.get(binaryName);
            return bytes instanceof byte[] b ? b : null;
        }

        private static Map<?, ?> find(ClassLoader loader) {
            Object owner = field(loader, "this$0");
            Object map = owner == null ? null : field(owner, "declaredClasses");
            return map instanceof Map<?, ?> m ? m : Map.of();
        }

        private static Object field(Object target, String name) {
            for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
                try {
                    Field f = c.getDeclaredField(name);
                    f.setAccessible(true);
                    return f.get(target);
                } catch (NoSuchFieldException e) {
                    // Look in the superclass.
                } catch (ReflectiveOperationException | RuntimeException e) {
                    return null;
                }
            }
            return null;
        }
    }
}
