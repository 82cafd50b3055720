package org.jmultiprocessing.notebooks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The parts of an {@code .ipynb} file the verifier needs: the code cells, their tags and their stored outputs,
 * and the notebook's kernel.
 *
 * @param path     where the notebook was read from
 * @param kernel   the kernelspec name
 * @param cells    the code cells, in order
 * @param markdown the markdown cells, in order
 * @param size     how many cells there are in all
 */
record Notebook(Path path, String kernel, List<CodeCell> cells, List<MarkdownCell> markdown, int size) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One code cell.
     *
     * @param number  1-based among the notebook's code cells, as a reader counts them
     * @param source  the cell's text
     * @param tags    the cell's metadata tags
     * @param outputs what the last real run stored
     */
    record CodeCell(int number, String source, Set<String> tags, Outputs outputs) {
        /** The first line, to name the cell in a message. */
        String firstLine() {
            return source.strip().lines().findFirst().orElse("(empty)");
        }
    }

    /**
     * One markdown cell.
     *
     * @param position 0-based among all the notebook's cells
     */
    record MarkdownCell(int position, String source, Set<String> tags) {
    }

    static Notebook read(Path path) {
        JsonNode root;
        try {
            root = JSON.readTree(path.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("not a readable notebook: " + path, e);
        }
        List<CodeCell> cells = new ArrayList<>();
        List<MarkdownCell> markdown = new ArrayList<>();
        int position = 0;
        for (JsonNode cell : root.path("cells")) {
            Set<String> tags = new LinkedHashSet<>();
            cell.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
            String source = text(cell.path("source"));
            switch (cell.path("cell_type").asText()) {
                case "code" -> cells.add(new CodeCell(cells.size() + 1, source, tags, storedOutputs(cell.path("outputs"))));
                case "markdown" -> markdown.add(new MarkdownCell(position, source, tags));
                default -> { } // raw cells: nothing to check
            }
            position++;
        }
        return new Notebook(path, root.path("metadata").path("kernelspec").path("name").asText(), cells, markdown,
                position);
    }

    private static Outputs storedOutputs(JsonNode outputs) {
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        List<String> rich = new ArrayList<>();
        for (JsonNode output : outputs) {
            String type = output.path("output_type").asText();
            switch (type) {
                case "stream" -> (output.path("name").asText().equals("stderr") ? stderr : stdout)
                        .append(text(output.path("text")));
                case "error" -> rich.add("error: " + output.path("ename").asText() + ": " + output.path("evalue").asText());
                default -> rich.add(type);
            }
        }
        return new Outputs(stdout.toString(), stderr.toString(), rich);
    }

    /** Notebook text fields are a string or a list of lines. */
    static String text(JsonNode node) {
        if (node.isArray()) {
            StringBuilder sb = new StringBuilder();
            node.forEach(line -> sb.append(line.asText()));
            return sb.toString();
        }
        return node.asText();
    }
}
