package org.jmultiprocessing.notebooks;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every lesson of the second chapter ({@code 02.xx}) ends with its exercises: one or two markdown cells headed
 * {@code ## Exercise N: ...}, each followed by its solution, code cells tagged {@code solution} whose input and
 * output JupyterLab shows collapsed ({@code jupyter.source_hidden}, {@code jupyter.outputs_hidden}). After the
 * first exercise only exercises, their prose and their solutions follow. {@code NotebooksTest} and the real
 * kernel run the solutions like every other cell, so a solution that no longer works fails the checks.
 */
class ExercisesTest {
    private static final Pattern CHAPTER_TWO = Pattern.compile("02\\.\\d\\d-.+\\.ipynb");
    private static final Pattern EXERCISE = Pattern.compile("(?m)^## Exercise \\d+: \\S.*");
    static final String SOLUTION = "solution";
    private static final String NAVIGATION = "navigation";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> lessons;

    @BeforeAll
    static void findLessons() throws IOException {
        Path folder = Path.of(System.getProperty("notebooks.dir"));
        try (Stream<Path> files = Files.list(folder)) {
            lessons = files.filter(p -> CHAPTER_TWO.matcher(p.getFileName().toString()).matches()).sorted().toList();
        }
        assertFalse(lessons.isEmpty(), "no 02.xx lessons in " + folder);
    }

    @Test
    void everyLessonEndsWithExercisesAndTheirCollapsedSolutions() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path lesson : lessons) {
            problems.addAll(problems(lesson.getFileName().toString(), JSON.readTree(lesson.toFile()).path("cells")));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void aLessonWithoutASolutionIsReported() throws IOException {
        String cells = """
                [{"cell_type": "markdown", "metadata": {}, "source": "# A lesson"},
                 {"cell_type": "code", "metadata": {}, "source": "int x = 1;", "outputs": []},
                 {"cell_type": "markdown", "metadata": {}, "source": "## Exercise 1: count to two"},
                 {"cell_type": "code", "metadata": {}, "source": "int y = 2;", "outputs": []}]""";
        List<String> problems = problems("02.99-Broken.ipynb", JSON.readTree(cells));
        assertTrue(problems.stream().anyMatch(p -> p.contains("not tagged 'solution'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("has no solution")), problems.toString());
    }

    /** What is wrong with one lesson's exercises, as lines that name the lesson and the cell. */
    static List<String> problems(String name, JsonNode cells) {
        List<String> problems = new ArrayList<>();
        int exercises = 0;
        int solutionsOfCurrent = 0;
        String current = null;
        int position = 0;
        for (JsonNode cell : cells) {
            position++;
            List<String> tags = new ArrayList<>();
            cell.path("metadata").path("tags").forEach(t -> tags.add(t.asText()));
            String source = Notebook.text(cell.path("source"));
            boolean code = cell.path("cell_type").asText().equals("code");
            boolean solution = tags.contains(SOLUTION);
            if (!code && tags.contains(NAVIGATION)) {
                continue;
            }
            if (!code && EXERCISE.matcher(source).find()) {
                if (current != null && solutionsOfCurrent == 0) {
                    problems.add(name + ": '" + current + "' has no solution cell after it");
                }
                current = source.strip().lines().findFirst().orElse("");
                exercises++;
                solutionsOfCurrent = 0;
                continue;
            }
            if (!code) {
                continue;
            }
            String where = name + ", cell " + position + " (" + source.strip().lines().findFirst().orElse("") + ")";
            if (current == null) {
                if (solution) {
                    problems.add(where + ": tagged 'solution' before any '## Exercise N: ...' heading");
                }
                continue;
            }
            if (!solution) {
                problems.add(where + ": a code cell after the exercises began is not tagged 'solution'"
                        + " (exercises come last; tag solutions 'solution')");
                continue;
            }
            solutionsOfCurrent++;
            JsonNode jupyter = cell.path("metadata").path("jupyter");
            if (!jupyter.path("source_hidden").asBoolean(false) || !jupyter.path("outputs_hidden").asBoolean(false)) {
                problems.add(where + ": a solution must open collapsed: set metadata.jupyter.source_hidden and"
                        + " outputs_hidden to true");
            }
        }
        if (exercises == 0) {
            problems.add(name + ": no exercise: a lesson ends with one or two '## Exercise N: ...' cells and their"
                    + " solutions");
        } else if (solutionsOfCurrent == 0) {
            problems.add(name + ": '" + current + "' has no solution cell after it");
        }
        return problems;
    }
}
