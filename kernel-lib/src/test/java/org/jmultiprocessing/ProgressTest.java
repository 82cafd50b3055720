package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.jmultiprocessing.spi.JobProgress;
import org.jmultiprocessing.internal.display.ProgressText;
import org.jmultiprocessing.testing.CapturedOutput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Progress of real pool calls: what the bar counts, its text forms, and that it stays silent off a terminal. */
class ProgressTest {
    private static Pool pool;

    @BeforeAll
    static void startPool() {
        pool = new Pool(2);
    }

    @AfterAll
    static void stopPool() {
        pool.close();
    }

    @AfterEach
    void progressOff() {
        Progress.off();
    }

    static int slowSquare(int x) throws InterruptedException {
        Thread.sleep(5);
        return x * x;
    }

    static int failOnSeven(int x) {
        if (x == 7) {
            throw new IllegalArgumentException("seven");
        }
        return x;
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static long doneByWorkers(JobProgress.Snapshot s) {
        return s.workers().stream().mapToLong(JobProgress.Worker::done).sum();
    }

    @Test
    void mapCountsEveryItemOnTheWorkersThatRanIt() {
        AsyncResult<List<Integer>> result = Progress.of(pool.mapAsync((Integer x) -> slowSquare(x), range(40), 3));
        assertEquals(IntStream.range(0, 40).map(x -> x * x).boxed().toList(), result.get());
        JobProgress.Snapshot s = result.job().progress().snapshot();
        assertTrue(s.finished());
        assertEquals("map", s.call());
        assertEquals(40, s.total());
        assertEquals(40, s.done());
        assertEquals(0, s.failed());
        assertEquals(40, doneByWorkers(s));
        assertTrue(s.workers().stream().allMatch(w -> w.running() == 0));
        assertTrue(s.workers().stream().allMatch(w -> w.pid() > 0 && w.pid() != Multiprocessing.pid()), s.workers().toString());
    }

    @Test
    void starmapAndApplyAreLabelledByTheirCall() {
        AsyncResult<List<Integer>> sums = Progress.of(pool.starmapAsync((Integer a, Integer b) -> a + b,
                List.of(List.of(1, 2), List.of(3, 4))));
        assertEquals(List.of(3, 7), sums.get());
        assertEquals("starmap", sums.job().progress().snapshot().call());
        AsyncResult<Integer> one = Progress.of(pool.applyAsync(() -> 42));
        assertEquals(42, one.get());
        JobProgress.Snapshot s = one.job().progress().snapshot();
        assertEquals("apply", s.call());
        assertEquals(1, s.done());
        assertTrue(s.finished());
    }

    @Test
    void imapOfACollectionKnowsItsTotalAndCountsFailures() {
        ResultIterator<Integer> results = Progress.of(pool.imap((Integer x) -> failOnSeven(x), range(10)));
        List<Object> seen = new ArrayList<>();
        while (true) {
            try {
                if (!results.hasNext()) {
                    break;
                }
                seen.add(results.next());
            } catch (IllegalArgumentException e) {
                seen.add("failed");
            }
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, "failed", 8, 9), seen);
        JobProgress.Snapshot s = results.job().progress().snapshot();
        assertEquals("imap", s.call());
        assertTrue(s.finished());
        assertEquals(10, s.total());
        assertEquals(9, s.done());
        assertEquals(1, s.failed());
        assertTrue(ProgressText.line(s).contains("1 failed"), ProgressText.line(s));
    }

    @Test
    void imapUnorderedOfAStreamLearnsItsTotalWhenTheInputEnds() {
        ResultIterator<Integer> results = Progress.of(pool.imapUnordered((Integer x) -> x + 1, range(25).stream(), 4));
        int count = 0;
        for (int ignored : results) {
            count++;
        }
        assertEquals(25, count);
        JobProgress.Snapshot s = results.job().progress().snapshot();
        assertEquals("imapUnordered", s.call());
        assertEquals(25, s.total());
        assertEquals(25, s.done());
    }

    @Test
    void aFailedMapEndsTheBarWithItsFailure() {
        AsyncResult<List<Integer>> result = Progress.of(pool.mapAsync((Integer x) -> failOnSeven(x), range(10), 10));
        assertThrows(IllegalArgumentException.class, result::get);
        JobProgress.Snapshot s = result.job().progress().snapshot();
        assertTrue(s.finished());
        assertEquals(10, s.failed());
        assertTrue(ProgressText.line(s).startsWith("map 10/10 ["), ProgressText.line(s));
    }

    @Test
    void aBarAttachedAfterTheCallEndedShowsTheFinalState() throws Exception {
        AsyncResult<List<Integer>> result = pool.mapAsync((Integer x) -> x, range(6));
        result.get();
        Progress.of(result);
        assertTrue(result.job().progress().snapshot().finished());
        assertEquals(6, result.job().progress().snapshot().done());
    }

    @Test
    void onGivesEveryMapABarAndOffTheNextOnes() {
        Progress.on();
        assertTrue(Progress.isOn());
        AsyncResult<List<Integer>> shown = pool.mapAsync((Integer x) -> x, range(4));
        shown.get();
        assertTrue(shown.job().progress().snapshot().finished());
        Progress.off();
        assertFalse(Progress.isOn());
    }

    @Test
    void ofACallThatHasABarKeepsThatBar() {
        Progress.on();
        ResultIterator<Integer> results = pool.imap((Integer x) -> x, range(5));
        var automatic = results.progressBar();
        assertTrue(automatic != null);
        assertTrue(Progress.of(results).progressBar() == automatic);
        results.forEachRemaining(x -> { });
        AsyncResult<List<Integer>> mapped = pool.mapAsync((Integer x) -> x, range(5));
        var mappedBar = mapped.progressBar();
        assertTrue(mappedBar != null);
        assertTrue(Progress.of(mapped).progressBar() == mappedBar);
        mapped.get();
    }

    @Test
    void offATerminalTheBarPrintsNothing() {
        Progress.on();
        try (CapturedOutput output = new CapturedOutput()) {
            assertEquals(List.of(0, 1, 4), pool.map((Integer x) -> x * x, range(3)));
            for (int ignored : pool.imap((Integer x) -> x, range(3))) {
                // Consumed only to run the call.
            }
            assertEquals("", output.out());
        }
    }

    @Test
    void textLineWhileRunning() {
        long second = 1_000_000_000L;
        var running = new JobProgress.Snapshot("map", 8, 3, 1, 0, 2 * second, false,
                List.of(new JobProgress.Worker(101, 3, 2), new JobProgress.Worker(102, 0, 0)));
        assertEquals("map 4/8 [############------------] 50% | 2.0 items/s | elapsed 2.0 s | left 2.0 s | 1 failed"
                + " | 1 of 2 workers busy", ProgressText.line(running));
    }

    @Test
    void textLineFinishedAndWithUnknownTotal() {
        long second = 1_000_000_000L;
        var finished = new JobProgress.Snapshot("imap", 10, 10, 0, 0, 4 * second, true, List.of());
        assertEquals("imap 10/10 [########################] 100% | 2.5 items/s | took 4.0 s | 0 failed | done",
                ProgressText.line(finished));
        var endless = new JobProgress.Snapshot("imapUnordered", -1, 5, 0, 0, second, false, List.of());
        assertEquals("imapUnordered 5 items | 5.0 items/s | elapsed 1.0 s | 0 failed | 0 of 0 workers busy",
                ProgressText.line(endless));
    }

    @Test
    void htmlHasTheBarAndOneRowPerWorker() {
        var s = new JobProgress.Snapshot("map<x>", 4, 2, 0, 0, 1_000_000_000L, false,
                List.of(new JobProgress.Worker(101, 2, 1), new JobProgress.Worker(102, 0, 0)));
        String html = ProgressText.html(s);
        assertTrue(html.contains("<b>map&lt;x&gt;</b> 2/4 items, 50%"), html);
        assertTrue(html.contains("width:50.0%"), html);
        assertTrue(html.contains("<tr><td>101</td><td>2</td><td>1 item</td></tr>"), html);
        assertTrue(html.contains("<tr><td>102</td><td>0</td><td>idle</td></tr>"), html);
    }
}
