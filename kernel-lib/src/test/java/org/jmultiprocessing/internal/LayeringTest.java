package org.jmultiprocessing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jmultiprocessing.internal.runtime.Internals;
import org.junit.jupiter.api.Test;

/**
 * Which way imports go: the public package uses the SPI and the internals, never the other way round, except
 * for the leaf types (Target and Func interfaces, exceptions, RemoteTraceback); and the launcher names no pool
 * class (the backend gives it the pool's warm-up). Read from the compiled classes' constant pools, so that a
 * reference through a fully qualified name counts too.
 */
class LayeringTest {
    private static final Pattern PUBLIC_TYPE = Pattern.compile("org/jmultiprocessing/([A-Z][A-Za-z0-9_]*)");
    private static final Pattern LEAF_TYPE = Pattern.compile("Target[1-4]?|Func[0-3]?|RemoteTraceback|\\w+Exception");

    @Test
    void shouldReferToNoPublicClassButLeafTypesFromBelow() throws Exception {
        Map<String, Set<String>> offending = new TreeMap<>();
        for (String below : new String[] {"internal", "spi"}) {
            forEachClass(below, (name, text) -> {
                Matcher m = PUBLIC_TYPE.matcher(text);
                while (m.find()) {
                    if (!LEAF_TYPE.matcher(m.group(1)).matches()) {
                        offending.computeIfAbsent(name, n -> new TreeSet<>()).add(m.group(1));
                    }
                }
            });
        }
        assertEquals(Map.of(), offending, "classes below the public package that use its facades");
    }

    @Test
    void shouldKeepTheLauncherFreeOfThePool() throws Exception {
        Set<String> offending = new TreeSet<>();
        forEachClass("internal/launch", (name, text) -> {
            if (text.contains("org/jmultiprocessing/internal/pool/")) {
                offending.add(name);
            }
        });
        assertEquals(Set.of(), offending, "launch classes that name a pool class");
    }

    private interface ClassText {
        void accept(String name, String text);
    }

    /** Every compiled class under {@code org/jmultiprocessing/<folder>}, with its bytes read as Latin-1 text. */
    private static void forEachClass(String folder, ClassText action) throws Exception {
        Path classes = Paths.get(Internals.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.resolve("org/jmultiprocessing").resolve(folder);
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
                try {
                    action.accept(classes.relativize(f).toString(), new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
