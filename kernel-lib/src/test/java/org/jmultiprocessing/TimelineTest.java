package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jmultiprocessing.internal.display.TimelineDrawing;
import org.jmultiprocessing.internal.display.TimelineRecorder;
import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.Test;

/** A timeline recorded from real children: their lives, a pool's tasks, marks from the parent and a child. */
class TimelineTest {
    static void markFrom(Timeline timeline) {
        timeline.mark("hello from the child");
    }

    static void exitWithThree() {
        System.exit(3);
    }

    static void sleepLong() throws InterruptedException {
        Thread.sleep(60_000);
    }

    @Test
    void recordsProcessesTheirEndsPoolTasksAndMarks() throws Exception {
        Timeline timeline = Multiprocessing.timeline();
        TimelineRecorder.Recording r;
        Process marker = new Process((Timeline t) -> markFrom(t), timeline).name("marker");
        Process exiter = new Process(TimelineTest::exitWithThree).name("exiter");
        Process sleeper = new Process(TimelineTest::sleepLong).name("sleeper");
        List<Long> workers;
        try {
            marker.start();
            exiter.start();
            sleeper.start();
            marker.join();
            exiter.join();
            sleeper.terminate();
            sleeper.join();
            try (var pool = new Pool(2)) {
                pool.map((Integer x) -> x * 2, IntStream.range(0, 8).boxed().toList(), 2);
                workers = pool.workerPids();
            }
            timeline.mark("all done");
        } finally {
            timeline.close();
        }
        r = timeline.recording();
        Map<Long, TimelineRecorder.Lane> lanes = r.lanes().stream()
                .collect(Collectors.toMap(TimelineRecorder.Lane::pid, Function.identity()));
        assertEquals(Integer.valueOf(0), lanes.get(marker.pid()).exitCode());
        assertEquals(Integer.valueOf(3), lanes.get(exiter.pid()).exitCode());
        assertEquals(Integer.valueOf(-15), lanes.get(sleeper.pid()).exitCode());
        assertEquals("sleeper", lanes.get(sleeper.pid()).name());
        assertTrue(lanes.get(marker.pid()).startNanos() <= lanes.get(marker.pid()).endNanos());
        assertTrue(lanes.containsKey(Multiprocessing.pid()), "the main process has a lane");
        for (long worker : workers) {
            assertTrue(lanes.containsKey(worker), "worker " + worker + " has a lane");
        }
        assertEquals(4, r.tasks().size(), r.tasks().toString());
        assertEquals(8, r.tasks().stream().mapToInt(TimelineRecorder.Task::items).sum());
        assertTrue(r.tasks().stream().allMatch(t -> workers.contains(t.pid()) && t.succeeded() && "map".equals(t.call())));
        assertEquals(List.of(marker.pid(), Multiprocessing.pid()), r.marks().stream().map(TimelineRecorder.Mark::pid).toList());
        assertEquals(List.of("hello from the child", "all done"), r.marks().stream().map(TimelineRecorder.Mark::text).toList());
        TimelineRecorder.Mark childMark = r.marks().get(0);
        assertTrue(childMark.nanos() >= lanes.get(marker.pid()).startNanos()
                && childMark.nanos() <= lanes.get(marker.pid()).endNanos(), "the child's mark lies within its life");

        String text = timeline.toText();
        assertTrue(text.contains("exiter (pid " + exiter.pid() + "): "), text);
        assertTrue(text.contains(", exit code 3"), text);
        assertTrue(text.contains(", ended by SIGTERM"), text);
        assertTrue(text.contains("  mark at "), text);
        assertTrue(text.contains(": hello from the child"), text);
        assertTrue(text.contains("  map 2 items: "), text);
        String svg = timeline.toSvg();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertEquals(r.lanes().size(), count(svg, "<rect class=\"lane\""));
        assertEquals(4, count(svg, "<rect class=\"task\""));
        assertEquals(2, count(svg, "<circle class=\"mark\""));
        assertTrue(svg.contains("<title>exiter (pid " + exiter.pid() + "): "), svg);
    }

    @Test
    void eventsAfterCloseAreNotRecordedAndShowPrintsTextWithoutAKernel() throws Exception {
        Timeline timeline = Multiprocessing.timeline();
        timeline.mark("inside");
        timeline.close();
        timeline.close();
        Process late = new Process(() -> { });
        late.start();
        late.join();
        timeline.mark("after close");
        TimelineRecorder.Recording r = timeline.recording();
        assertFalse(r.lanes().stream().anyMatch(l -> l.pid() == late.pid()));
        assertEquals(List.of("inside"), r.marks().stream().map(TimelineRecorder.Mark::text).toList());
        try (CapturedOutput output = new CapturedOutput()) {
            timeline.show();
            assertEquals(TimelineDrawing.text(timeline.recording()), output.out());
        }
        assertTrue(timeline.toText().startsWith("timeline over "), timeline.toText());
    }

    @Test
    void aChildCanOnlyMark() throws Exception {
        try (Timeline timeline = Multiprocessing.timeline()) {
            var child = new Process((Timeline t) -> t.toText(), timeline);
            try (CapturedOutput output = new CapturedOutput()) {
                child.start();
                child.join();
                assertEquals(Integer.valueOf(1), child.exitCode());
                assertTrue(output.err().contains("cannot read a timeline in a child process: only mark() works there"), output.err());
            }
        }
        assertThrows(NullPointerException.class, () -> Multiprocessing.timeline().mark(null));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }
}
