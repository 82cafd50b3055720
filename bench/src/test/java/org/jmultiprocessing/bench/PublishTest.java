package org.jmultiprocessing.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PublishTest {
    private static final String README = "# Title\n\n## Performance\n\n<!-- bench:begin -->\nNot measured yet.\n"
            + "<!-- bench:end -->\n\n## Next\n";

    @Test
    void shouldReplaceOnlyWhatIsBetweenTheMarkers() {
        assertEquals("# Title\n\n## Performance\n\n<!-- bench:begin -->\n| table |\n<!-- bench:end -->\n\n## Next\n",
                Publish.replaceSection(README, "| table |\n"));
    }

    @Test
    void shouldGiveTheSameReadmeWhenPublishingTheSameSectionAgain() {
        String once = Publish.replaceSection(README, "new\n\nsection");
        assertEquals(once, Publish.replaceSection(once, "new\n\nsection"));
    }

    @Test
    void shouldRejectAReadmeWithoutBothMarkersInOrder() {
        assertThrows(IllegalArgumentException.class, () -> Publish.replaceSection("# no markers\n", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> Publish.replaceSection("<!-- bench:end -->\n<!-- bench:begin -->\n", "x"));
        assertThrows(IllegalArgumentException.class, () -> Publish.replaceSection(README + README, "x"));
    }
}
