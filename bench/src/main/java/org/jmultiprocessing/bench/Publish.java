package org.jmultiprocessing.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Puts a run's results into the repository: docs/bench/ and the README's performance section. */
final class Publish {
    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";
    static final Path DOCS = Path.of("docs/bench");
    static final Path README = Path.of("README.md");

    private Publish() {
    }

    /** The README with everything between the markers replaced by {@code section}; the markers stay. */
    static String replaceSection(String readme, String section) {
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        if (begin < 0 || end < begin || readme.indexOf(BEGIN, begin + 1) >= 0 || readme.indexOf(END, end + 1) >= 0) {
            throw new IllegalArgumentException("the README needs one " + BEGIN + " line followed by one " + END + " line");
        }
        return readme.substring(0, begin + BEGIN.length()) + "\n" + section.strip() + "\n" + readme.substring(end);
    }

    /** The README section: when and where the figures were measured, the table and the chart. */
    static String section(RunFacts run, String markdownTable) {
        return run.summary() + "\n\n" + markdownTable + "\n![kernel-lib's advantage over CPython per scenario]("
                + DOCS.resolve("results.png") + ")\n";
    }

    /** Copies results.png and results.json from {@code results} to docs/bench/ and rewrites the README section. */
    static void publish(Path results, RunFacts run, String markdownTable) throws IOException {
        Files.createDirectories(DOCS);
        for (String file : new String[] {"results.png", "results.json"}) {
            Files.copy(results.resolve(file), DOCS.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(README, replaceSection(Files.readString(README, StandardCharsets.UTF_8), section(run, markdownTable)),
                StandardCharsets.UTF_8);
    }
}
