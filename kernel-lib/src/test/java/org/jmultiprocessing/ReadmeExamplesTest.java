package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.jmultiprocessing.testing.CapturedOutput;
import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.Test;

/** The README's Java examples, run as notebook cells, so that the documentation cannot drift from the code. */
class ReadmeExamplesTest {

    @Test
    void shouldRunQuickStartAsWritten() throws IOException {
        List<String> examples = javaBlocks(Files.readString(Paths.get("..", "README.md")));
        assertFalse(examples.isEmpty(), "README.md has java examples");
        try (JShellNotebook notebook = new JShellNotebook(); CapturedOutput output = new CapturedOutput()) {
            notebook.run(examples.get(0));
            assertEquals(List.of("square of 10 is 100", "square of 20 is 400"), output.out().lines().sorted().toList(),
                    output.err());
        }
    }

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (block == null && line.equals("```java")) {
                block = new StringBuilder();
            } else if (block != null && line.equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

}
