package org.jmultiprocessing.notebooks;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a cell produced, stored or observed: its standard output and error text, and its other outputs by
 * kind ({@code execute_result}, {@code display_data}, or {@code error: ...}).
 *
 * <p>Comparison normalizes what legitimately differs between runs, like the toolchain's notebook check
 * ({@code tools/notebooks.py}): timestamps, times of day, process ids (also {@code parent=} in a process's
 * description), durations and identity hashes. Two cell tags, shared with that check, loosen it further:
 * <ul>
 *   <li>{@value #UNORDERED}: each stream's lines are compared as a sorted list, for lines printed by racing
 *   children;</li>
 *   <li>{@value #VOLATILE}: only which kinds of output appear is compared, for output that depends on timing
 *   or randomness.</li>
 * </ul>
 */
record Outputs(String stdout, String stderr, List<String> rich) {
    static final String UNORDERED = "nondeterministic-order";
    static final String VOLATILE = "volatile-output";

    private record Rule(Pattern pattern, String replacement) {
    }

    /** In order: timestamps before durations, so that "12:00:01.5" is not read as a duration. */
    private static final List<Rule> NORMALIZERS = List.of(
            new Rule(Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?"), "<timestamp>"),
            new Rule(Pattern.compile("\\b\\d{1,2}:\\d{2}:\\d{2}(\\.\\d+)?\\b"), "<time>"),
            new Rule(Pattern.compile("(?i)\\b(pid|process id|parent)([ =:#]+)\\d+"), "$1$2<pid>"),
            new Rule(Pattern.compile("\\bPT\\d+(\\.\\d+)?S\\b"), "<duration>"),
            new Rule(Pattern.compile("\\b\\d+(\\.\\d+)?\\s?(ns|us|µs|ms|s|sec|secs|seconds|millis|milliseconds)\\b"), "<duration>"),
            new Rule(Pattern.compile("@[0-9a-f]{5,8}\\b"), "@<hash>"));

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
