package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The layers of kernel-lib, read from its sources: the public classes name no shared-memory type (they call
 * the SPI), and no package-level import cycle joins the public package, the SPI and the internal packages.
 * The public package's leaf types (those that name no other library type but leaf types: exceptions,
 * {@code Target}/{@code Func} interfaces) count as their own node, so internals may use them without a cycle.
 * Comments and string literals are not references; imports, static imports and fully qualified names are.
 */
class ArchitectureTest {
    private static final String ROOT = "org.jmultiprocessing";
    private static final String SHM = ROOT + ".internal.shm";
    private static final String LEAVES = ROOT + " (leaf types)";
    private static final Path SOURCES = Paths.get("src", "main", "java");

    private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\borg\\.jmultiprocessing(?:\\.[a-z_]\\w*)*\\.[A-Z]\\w*");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[A-Z]\\w*\\b");

    /** A type of the library that one source file names: its package and its top-level type (null: all). */
    record Reference(String file, String pkg, String type) {
        String target() {
            return type == null ? pkg + ".*" : pkg + "." + type;
        }
    }

    /** A source file: its package, its top-level type, and the library types it names in other packages. */
    record Source(String file, String pkg, String type, List<Reference> references, Set<String> simpleNames) {
    }

    @Test
    void shouldNameNoSharedMemoryTypeInThePublicPackage() throws IOException {
        List<String> violations = sharedMemoryReferences(sources(SOURCES));
        if (!violations.isEmpty()) {
            fail(violations.size() + " references from the public package into " + SHM
                    + " (the facades call the SPI instead):\n  " + String.join("\n  ", violations));
        }
    }

    @Test
    void shouldHaveNoImportCycleAmongThePackages() throws IOException {
        List<Source> sources = sources(SOURCES);
        Set<String> leaves = leafTypes(sources);
        assertTrue(leaves.contains("Target1") && leaves.contains("RemoteTraceback"), "leaf types found: " + leaves);
        List<String> report = cycles(sources);
        if (!report.isEmpty()) {
            fail(report.stream().filter(line -> line.startsWith("cycle")).count() + " package cycle(s); leaf types"
                    + " of the public package: " + leaves + "\n" + String.join("\n", report));
        }
    }

    /** The checks themselves, on a small tree: what they must find, and what they must let pass. */
    @Test
    void shouldFindTheCyclesAndReferencesItIsFor(@TempDir Path tree) throws IOException {
        write(tree, "org/jmultiprocessing/Facade.java", """
                package org.jmultiprocessing;
                import org.jmultiprocessing.internal.engine.Engine;
                // import org.jmultiprocessing.internal.shm.Commented;
                class Facade { String s = "org.jmultiprocessing.internal.shm.InAString"; Engine e; Oops o; }
                """);
        write(tree, "org/jmultiprocessing/Oops.java", """
                package org.jmultiprocessing;
                /** A leaf: names no other library type. */
                public class Oops extends RuntimeException { }
                """);
        write(tree, "org/jmultiprocessing/Direct.java", """
                package org.jmultiprocessing;
                class Direct { Object ring = new org.jmultiprocessing.internal.shm.Ring(); }
                """);
        write(tree, "org/jmultiprocessing/internal/engine/Engine.java", """
                package org.jmultiprocessing.internal.engine;
                import static org.jmultiprocessing.internal.store.Store.open;
                public class Engine { void fail() { throw new org.jmultiprocessing.Oops(); } }
                """);
        write(tree, "org/jmultiprocessing/internal/store/Store.java", """
                package org.jmultiprocessing.internal.store;
                import org.jmultiprocessing.internal.engine.*;
                public class Store { static void open() { } }
                """);
        write(tree, "org/jmultiprocessing/internal/shm/Ring.java", """
                package org.jmultiprocessing.internal.shm;
                public class Ring { }
                """);
        List<Source> sources = sources(tree);

        assertEquals(List.of("org/jmultiprocessing/Direct.java names org.jmultiprocessing.internal.shm.Ring"),
                sharedMemoryReferences(sources), "a qualified name counts; a comment and a string do not");
        assertEquals(Set.of("Oops"), leafTypes(sources));
        List<String> report = cycles(sources);
        assertEquals("cycle among [org.jmultiprocessing.internal.engine, org.jmultiprocessing.internal.store]:",
                report.get(0), "engine and store import each other; engine's use of the leaf Oops is no cycle: " + report);
        assertEquals(1, report.stream().filter(line -> line.startsWith("cycle")).count(), String.join("\n", report));
        assertTrue(report.contains("      org/jmultiprocessing/internal/store/Store.java -> org.jmultiprocessing.internal.engine.*"),
                String.join("\n", report));

        write(tree, "org/jmultiprocessing/internal/shm/Ring.java", """
                package org.jmultiprocessing.internal.shm;
                public class Ring { org.jmultiprocessing.Facade owner; }
                """);
        List<String> withFacade = cycles(sources(tree));
        assertTrue(withFacade.contains("cycle among [org.jmultiprocessing, org.jmultiprocessing.internal.shm]:"),
                "the public package in a cycle with an internal one:\n" + String.join("\n", withFacade));
    }

    private static void write(Path tree, String file, String code) throws IOException {
        Files.createDirectories(tree.resolve(file).getParent());
        Files.writeString(tree.resolve(file), code);
    }

    /** Each public class's reference to an internal.shm type. */
    private static List<String> sharedMemoryReferences(List<Source> sources) {
        List<String> violations = new ArrayList<>();
        for (Source source : sources) {
            if (source.pkg().equals(ROOT)) {
                for (Reference r : source.references()) {
                    if (r.pkg().equals(SHM) || r.pkg().startsWith(SHM + ".")) {
                        violations.add(source.file() + " names " + r.target());
                    }
                }
            }
        }
        return violations;
    }

    /** Each package cycle, then the references that make each of its edges; empty when there is none. */
    private static List<String> cycles(List<Source> sources) {
        Set<String> leaves = leafTypes(sources);
        // node -> node -> the references that make the edge
        Map<String, Map<String, List<String>>> edges = new TreeMap<>();
        for (Source source : sources) {
            String from = node(source.pkg(), source.type(), leaves);
            if (from == null) {
                continue;
            }
            edges.computeIfAbsent(from, k -> new TreeMap<>());
            for (Reference r : source.references()) {
                String to = node(r.pkg(), r.type(), leaves);
                if (to != null && !to.equals(from)) {
                    edges.get(from).computeIfAbsent(to, k -> new ArrayList<>()).add(source.file() + " -> " + r.target());
                }
            }
        }
        List<String> report = new ArrayList<>();
        for (Set<String> component : stronglyConnected(edges)) {
            if (component.size() < 2) {
                continue;
            }
            report.add("cycle among " + component + ":");
            for (String from : component) {
                edges.get(from).forEach((to, why) -> {
                    if (component.contains(to)) {
                        report.add("  " + from + " -> " + to + " (" + why.size() + "):");
                        why.forEach(w -> report.add("      " + w));
                    }
                });
            }
        }
        return report;
    }

    /** The graph node of a type: the public package splits into its leaf types and the rest. */
    private static String node(String pkg, String type, Set<String> leaves) {
        if (pkg.equals(ROOT)) {
            return type != null && leaves.contains(type) ? LEAVES : ROOT;
        }
        if (pkg.startsWith(ROOT + ".")) {
            return pkg;
        }
        return null;
    }

    /**
     * The public package's types that name no library type but other such types: the largest such set, found
     * by removing, until none is left to remove, every type that names something outside it.
     */
    private static Set<String> leafTypes(List<Source> sources) {
        Map<String, Source> root = new HashMap<>();
        for (Source source : sources) {
            if (source.pkg().equals(ROOT)) {
                root.put(source.type(), source);
            }
        }
        Set<String> leaves = new TreeSet<>(root.keySet());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String type : List.copyOf(leaves)) {
                Source source = root.get(type);
                boolean namesOutside = source.references().stream().anyMatch(r -> !r.pkg().equals(ROOT)
                        || r.type() == null || !leaves.contains(r.type()))
                        || source.simpleNames().stream().anyMatch(n -> !n.equals(type) && root.containsKey(n) && !leaves.contains(n));
                if (namesOutside) {
                    leaves.remove(type);
                    changed = true;
                }
            }
        }
        return leaves;
    }

    /** Tarjan's strongly connected components. */
    private static List<Set<String>> stronglyConnected(Map<String, Map<String, List<String>>> edges) {
        Set<String> nodes = new TreeSet<>(edges.keySet());
        edges.values().forEach(targets -> nodes.addAll(targets.keySet()));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new LinkedHashSet<>();
        List<Set<String>> components = new ArrayList<>();
        for (String node : nodes) {
            if (!index.containsKey(node)) {
                connect(node, edges, index, low, stack, onStack, components);
            }
        }
        return components;
    }

    private static void connect(String node, Map<String, Map<String, List<String>>> edges, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> components) {
        index.put(node, index.size());
        low.put(node, index.get(node));
        stack.push(node);
        onStack.add(node);
        for (String next : edges.getOrDefault(node, Map.of()).keySet()) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, components);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            Set<String> component = new TreeSet<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            components.add(component);
        }
    }

    private static List<Source> sources(Path root) throws IOException {
        assertTrue(Files.isDirectory(root.resolve("org/jmultiprocessing")), "run from kernel-lib: " + root.toAbsolutePath());
        List<Source> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java") && !f.endsWith("module-info.java"))
                    .sorted().collect(Collectors.toList())) {
                sources.add(parse(root, file));
            }
        }
        return sources;
    }

    private static Source parse(Path root, Path file) throws IOException {
        String code = withoutCommentsAndLiterals(Files.readString(file));
        String name = root.relativize(file).toString();
        Matcher pkg = PACKAGE.matcher(code);
        assertTrue(pkg.find(), "no package in " + name);
        String type = file.getFileName().toString().replace(".java", "");
        List<Reference> references = new ArrayList<>();
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
            Reference r = reference(name, imports.group(1), imports.group(2) != null);
            if (r != null) {
                references.add(r);
            }
        }
        String body = IMPORT.matcher(code).replaceAll("");
        Matcher qualified = QUALIFIED.matcher(body);
        while (qualified.find()) {
            references.add(reference(name, qualified.group(), false));
        }
        references.removeIf(r -> r.pkg().equals(pkg.group(1)) && (r.type() == null || r.type().equals(type)));
        List<Reference> distinct = List.copyOf(new LinkedHashSet<>(references));
        Set<String> simpleNames = new TreeSet<>();
        Matcher identifiers = IDENTIFIER.matcher(body);
        while (identifiers.find()) {
            simpleNames.add(identifiers.group());
        }
        return new Source(name, pkg.group(1), type, distinct, simpleNames);
    }

    /** The library type that {@code name} (a.b.Type, a.b.Type.member, a.b, as imports write them) is or is in. */
    private static Reference reference(String file, String name, boolean wildcard) {
        if (!name.equals(ROOT) && !name.startsWith(ROOT + ".")) {
            return null;
        }
        String[] parts = name.split("\\.");
        StringBuilder pkg = new StringBuilder();
        for (String part : parts) {
            if (Character.isUpperCase(part.charAt(0))) {
                return new Reference(file, pkg.toString(), part);
            }
            pkg.append(pkg.length() == 0 ? "" : ".").append(part);
        }
        return wildcard ? new Reference(file, pkg.toString(), null) : null;
    }

    /** The code with comments, string, text-block and char literals blanked, lines kept. */
    static String withoutCommentsAndLiterals(String code) {
        StringBuilder out = new StringBuilder(code.length());
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (code.startsWith("//", i)) {
                while (i < code.length() && code.charAt(i) != '\n') {
                    i++;
                }
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                i = blank(code, i, end < 0 ? code.length() : end + 2, out);
            } else if (code.startsWith("\"\"\"", i)) {
                int end = i + 3;
                while (end < code.length() && !code.startsWith("\"\"\"", end)) {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                i = blank(code, i, Math.min(code.length(), end + 3), out);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < code.length() && code.charAt(end) != c && code.charAt(end) != '\n') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                i = blank(code, i, Math.min(code.length(), end + 1), out);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static int blank(String code, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            out.append(code.charAt(i) == '\n' ? '\n' : ' ');
        }
        return to;
    }
}
