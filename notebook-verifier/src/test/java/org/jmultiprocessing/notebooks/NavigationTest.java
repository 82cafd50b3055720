package org.jmultiprocessing.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jmultiprocessing.notebooks.Notebook.MarkdownCell;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The course hangs together: every link between notebooks leads to a notebook that exists, each course
 * notebook opens and closes with the navigation cells {@code tools/nbnav.py} generates, and the index lists
 * every course notebook in reading order.
 */
class NavigationTest {
    private static final String INDEX = "00.00-Index.ipynb";
    private static final String NAVIGATION = "navigation";
    private static final Pattern NOTEBOOK_LINK = Pattern.compile("\\]\\(([^)#\\s]+\\.ipynb)(#[^)]*)?\\)");
    private static final Pattern COURSE_NAME = Pattern.compile("\\d\\d\\.\\d\\d-.+\\.ipynb");

    private static Path folder;
    private static List<Notebook> course;

    @BeforeAll
    static void readNotebooks() throws IOException {
        folder = Path.of(System.getProperty("notebooks.dir"));
        try (Stream<Path> files = Files.list(folder)) {
            course = files.filter(p -> COURSE_NAME.matcher(p.getFileName().toString()).matches())
                    .filter(p -> !p.getFileName().toString().equals(INDEX))
                    .sorted().map(Notebook::read).toList();
        }
        assertFalse(course.isEmpty(), "no course notebooks in " + folder);
    }

    @Test
    void everyLinkToANotebookLeadsToOne() throws IOException {
        List<String> broken = new ArrayList<>();
        List<Notebook> all = new ArrayList<>(course);
        all.add(Notebook.read(folder.resolve(INDEX)));
        for (Notebook notebook : all) {
            for (MarkdownCell cell : notebook.markdown()) {
                for (String target : links(cell.source())) {
                    if (!Files.isRegularFile(folder.resolve(target))) {
                        broken.add(notebook.path().getFileName() + " links to missing " + target);
                    }
                }
            }
        }
        assertTrue(broken.isEmpty(), String.join("\n", broken));
    }

    @Test
    void everyCourseNotebookOpensAndClosesWithNavigation() {
        for (Notebook notebook : course) {
            List<MarkdownCell> navigation = notebook.markdown().stream()
                    .filter(cell -> cell.tags().contains(NAVIGATION)).toList();
            String name = notebook.path().getFileName().toString();
            assertEquals(2, navigation.size(), name + ": navigation cells (run tools/nbnav.py)");
            assertEquals(0, navigation.get(0).position(), name + ": the first cell is navigation");
            assertEquals(notebook.size() - 1, navigation.get(1).position(), name + ": the last cell is navigation");
            assertTrue(links(navigation.get(1).source()).contains(INDEX), name + ": navigation links the index");
        }
    }

    @Test
    void indexListsTheCourseInReadingOrder() {
        Notebook index = Notebook.read(folder.resolve(INDEX));
        List<String> listed = index.markdown().stream()
                .filter(cell -> cell.tags().contains(NAVIGATION))
                .flatMap(cell -> links(cell.source()).stream()).toList();
        List<String> expected = course.stream().map(n -> n.path().getFileName().toString()).toList();
        assertEquals(expected, listed, "the index's contents (run tools/nbnav.py)");
    }

    private static List<String> links(String markdown) {
        List<String> targets = new ArrayList<>();
        Matcher m = NOTEBOOK_LINK.matcher(markdown);
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }
}
