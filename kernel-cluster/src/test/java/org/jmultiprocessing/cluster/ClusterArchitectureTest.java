package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * kernel-cluster's layers, read from its sources: it reaches kernel-lib only through the exported packages
 * (public API, {@code spi}, {@code spi.ship}, {@code spi.support}), so it works where kernel-lib is a module,
 * and no import cycle joins its own packages.
 */
class ClusterArchitectureTest {
    private static final Path SOURCES = Path.of("src", "main", "java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+?)\\.[A-Z]\\w*(?:\\.[\\w*]+)*\\s*;", Pattern.MULTILINE);
    private static final String OWN = "org.jmultiprocessing.cluster";

    @Test
    void shouldUseNoInternalPackageOfKernelLib() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (Files.readString(file).contains("org.jmultiprocessing.internal.")) {
                    violations.add(SOURCES.relativize(file) + " names org.jmultiprocessing.internal");
                }
            }
        }
        assertEquals(List.of(), violations, "kernel-lib's internals are not exported: add what is needed to its spi");
    }

    @Test
    void shouldHaveNoImportCycleAmongItsPackages() throws IOException {
        Map<String, Set<String>> graph = new TreeMap<>();
        imports().forEach((pkg, imported) -> imported.stream().filter(i -> i.startsWith(OWN) && !i.equals(pkg))
                .forEach(i -> graph.computeIfAbsent(pkg, k -> new TreeSet<>()).add(i)));
        assertFalse(graph.isEmpty(), "no package imports another: the sources were not found");
        List<String> cycles = new ArrayList<>();
        for (String start : graph.keySet()) {
            List<String> path = cycleFrom(start, start, graph, new ArrayList<>(List.of(start)), new TreeSet<>());
            if (path != null) {
                cycles.add(String.join(" -> ", path));
            }
        }
        assertEquals(List.of(), cycles);
    }

    /** A path from {@code node} back to {@code start}, or null. */
    private static List<String> cycleFrom(String start, String node, Map<String, Set<String>> graph, List<String> path,
            Set<String> seen) {
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (next.equals(start)) {
                List<String> cycle = new ArrayList<>(path);
                cycle.add(start);
                return cycle;
            }
            if (seen.add(next)) {
                path.add(next);
                List<String> found = cycleFrom(start, next, graph, path, seen);
                if (found != null) {
                    return found;
                }
                path.remove(path.size() - 1);
            }
        }
        return null;
    }

    /** Each package of the module's sources and the packages its files import. */
    private static Map<String, Set<String>> imports() throws IOException {
        Map<String, Set<String>> imports = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String code = Files.readString(file);
                Matcher pkg = PACKAGE.matcher(code);
                if (!pkg.find()) {
                    continue;
                }
                Set<String> imported = imports.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
                Matcher m = IMPORT.matcher(code);
                while (m.find()) {
                    imported.add(m.group(1));
                }
            }
        }
        return imports;
    }
}
