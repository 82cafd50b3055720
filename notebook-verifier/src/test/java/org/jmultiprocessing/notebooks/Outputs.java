package org.jmultiprocessing.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a cell produced, stored or observed: its standard output and error text, and its other outputs by
 * kind ({@code execute_result}, {@code display_data}, or {@code error: ...}).
 *
 * <p>Comparison normalizes what legitimately differs between runs, with the rules the toolchain's notebook
 * check ({@code tools/notebooks.py}) uses too ({@code tools/output-normalization.json}): timestamps, times of day, process ids (also {@code parent=} in a process's
 * description), durations and identity hashes. Three cell tags, shared with that check, loosen it further:
 * <ul>
 *   <li>{@value #UNORDERED}: each stream's lines are compared as a sorted list, for lines printed by racing
 *   children;</li>
 *   <li>{@value #VOLATILE}: only which kinds of output appear is compared, for output that depends on timing
 *   or randomness;</li>
 *   <li>{@value #RICH}: nothing is compared, only that the cell runs, for cells that draw progress bars,
 *   tables or charts: a Jupyter kernel shows them as HTML or SVG outputs, which JShell has not, so the library
 *   prints text there or nothing (the real-kernel check compares their kinds and MIME types).</li>
 * </ul>
 */
record Outputs(String stdout, String stderr, List<String> rich) {
    static final String UNORDERED = "nondeterministic-order";
    static final String VOLATILE = "volatile-output";
    static final String RICH = "rich-output";

    private record Rule(Pattern pattern, String replacement) {
    }

    /** Shared with {@code tools/notebooks.py}: one list of what differs between runs, in order. */
    private static final List<Rule> NORMALIZERS = readRules(Paths.get("..", "tools", "output-normalization.json"));

    private static List<Rule> readRules(Path file) {
        try {
            List<Rule> rules = new ArrayList<>();
            for (JsonNode rule : new ObjectMapper().readTree(file.toFile()).get("rules")) {
                rules.add(new Rule(Pattern.compile(rule.get("pattern").asText()), rule.get("replacement").asText()));
            }
            return List.copyOf(rules);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the output normalization rules " + file.toAbsolutePath(), e);
        }
    }

    static String normalize(String text) {
        String result = text;
        for (Rule rule : NORMALIZERS) {
            result = rule.pattern().matcher(result).replaceAll(rule.replacement());
        }
        return result;
    }

    /**
     * The differences between these (stored) outputs and {@code actual}, under the cell's tags; empty when
     * they agree.
     */
    List<String> differencesFrom(Outputs actual, Set<String> tags) {
        List<String> differences = new ArrayList<>();
        if (tags.contains(RICH)) {
            return differences;
        }
        if (tags.contains(VOLATILE)) {
            if (!kinds().equals(actual.kinds())) {
                differences.add("kinds of output: stored " + kinds() + ", produced " + actual.kinds());
            }
            return differences;
        }
        boolean unordered = tags.contains(UNORDERED);
        compare("stdout", stdout, actual.stdout, unordered, differences);
        compare("stderr", stderr, actual.stderr, unordered, differences);
        if (!rich.equals(actual.rich)) {
            differences.add("other outputs: stored " + rich + ", produced " + actual.rich);
        }
        return differences;
    }

    private Set<String> kinds() {
        Set<String> kinds = new LinkedHashSet<>();
        if (!stdout.isEmpty()) {
            kinds.add("stdout");
        }
        if (!stderr.isEmpty()) {
            kinds.add("stderr");
        }
        kinds.addAll(rich);
        return kinds;
    }

    private static void compare(String stream, String stored, String produced, boolean unordered, List<String> differences) {
        List<String> expected = lines(stored, unordered);
        List<String> actual = lines(produced, unordered);
        if (!expected.equals(actual)) {
            differences.add(stream + (unordered ? " (lines sorted)" : "") + " differs:\n"
                    + "  stored:\n" + indent(expected) + "  produced:\n" + indent(actual));
        }
    }

    private static List<String> lines(String text, boolean sorted) {
        List<String> lines = normalize(text).lines().collect(Collectors.toCollection(ArrayList::new));
        if (sorted) {
            lines.sort(null);
        }
        return lines;
    }

    private static String indent(List<String> lines) {
        return lines.stream().map(line -> "    | " + line + "\n").collect(Collectors.joining());
    }
}
