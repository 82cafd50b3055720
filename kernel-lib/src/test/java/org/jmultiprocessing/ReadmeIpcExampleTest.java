package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;

import org.jmultiprocessing.testing.CapturedOutput;
import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.Test;

/** The README's example of sharing a Value and a Queue, run as notebook cells. */
class ReadmeIpcExampleTest {
    @Test
    void shouldRunTheSharingExampleAsWritten() throws IOException {
        String example = ReadmeExamplesTest.javaBlocks(Files.readString(Paths.get("..", "README.md"))).stream()
                .filter(block -> block.contains("Value.ofInt")).findFirst().orElseThrow();
        try (JShellNotebook notebook = new JShellNotebook(); CapturedOutput output = new CapturedOutput()) {
            notebook.run(example);
            assertEquals(List.of("worker done, worker done", "counter = 20000"), output.out().lines().toList(),
                    output.err());
        }
    }
}
