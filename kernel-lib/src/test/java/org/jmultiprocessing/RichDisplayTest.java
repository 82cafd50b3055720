package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.jmultiprocessing.spi.PoolWorkerRow;
import org.jmultiprocessing.internal.display.Tables;
import org.junit.jupiter.api.Test;

/** The tables a notebook shows for the library's objects, from real children; their text form stays the repr. */
class RichDisplayTest {
    static void sleepLong() throws InterruptedException {
        Thread.sleep(60_000);
    }

    @Test
    void processRowFollowsTheProcessFromInitialToStopped() throws Exception {
        var p = new Process(RichDisplayTest::sleepLong).name("sleeper").daemon(true);
        assertEquals(new Tables.ProcessRow("sleeper", null, "initial", null, true), p.displayRow());
        p.start();
        try {
            assertEquals(new Tables.ProcessRow("sleeper", p.pid(), "started", null, true), p.displayRow());
            assertTrue(Multiprocessing.activeChildren().contains(p));
        } finally {
            p.terminate();
            p.join();
        }
        assertEquals(new Tables.ProcessRow("sleeper", p.pid(), "stopped", "-SIGTERM", true), p.displayRow());
        Map<String, String> shown = Tables.processes(p.toString(), List.of(p.displayRow()));
        assertEquals(p.toString(), shown.get("text/plain"));
        assertTrue(shown.get("text/html").contains("<tr><td>sleeper</td><td>" + p.pid()
                + "</td><td>stopped</td><td>-SIGTERM</td><td>yes</td></tr>"), shown.get("text/html"));
        p.close();
        assertEquals("closed", p.displayRow().state());
    }

    @Test
    void activeChildrenIsStillAPlainList() throws Exception {
        var p = new Process(RichDisplayTest::sleepLong).daemon(true);
        p.start();
        try {
            List<Process> children = Multiprocessing.activeChildren();
            assertTrue(children instanceof RichDisplay.ActiveChildren);
            assertEquals(new java.util.ArrayList<>(children).toString(), children.toString());
            children.clear();   // a fresh list, as before: the caller may change it
        } finally {
            p.kill();
            p.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void poolRowsNameEachWorkerAndCountItsItems() {
        try (var pool = new Pool(2)) {
            pool.map((Integer x) -> x + 1, IntStream.range(0, 30).boxed().toList(), 2);
            List<PoolWorkerRow> rows = pool.workerActivity();
            assertEquals(pool.workerPids().stream().sorted().toList(), rows.stream().map(PoolWorkerRow::pid).sorted().toList());
            assertEquals(30, rows.stream().mapToLong(PoolWorkerRow::itemsDone).sum());
            assertTrue(rows.stream().allMatch(r -> r.runningCall() == null), rows.toString());
            String html = Tables.pool(pool.toString(), rows).get("text/html");
            assertTrue(html.contains("<td>" + rows.get(0).pid() + "</td><td>" + rows.get(0).itemsDone() + "</td><td>idle</td>"), html);
        }
    }

    @Test
    void poolRowShowsTheCallAWorkerRunsNow() throws Exception {
        try (var pool = new Pool(1)) {
            AsyncResult<List<Integer>> slow = pool.mapAsync((Integer x) -> {
                Thread.sleep(3000);
                return x;
            }, List.of(1, 2), 2);
            PoolWorkerRow row = null;
            for (int i = 0; i < 200 && (row == null || row.runningCall() == null); i++) {
                Thread.sleep(25);
                List<PoolWorkerRow> rows = pool.workerActivity();
                row = rows.isEmpty() ? null : rows.get(0);
            }
            assertEquals("map", row.runningCall());
            assertEquals(2, row.runningItems());
            assertTrue(Tables.pool(pool.toString(), List.of(row)).get("text/html").contains("<td>map: 2 items</td>"));
            slow.cancel();
        }
    }

    @Test
    void queueAndSharedCellsTables() {
        var q = new Queue<Integer>(5);
        q.put(1);
        q.put(2);
        Map<String, String> queue = Tables.queue(q.toString(), "Queue", q.qsize(), q.maxsize());
        assertEquals("Queue(qsize=2, maxsize=5)", queue.get("text/plain"));
        assertTrue(queue.get("text/html").contains("<td>2</td><td>5</td>"), queue.get("text/html"));
        q.close();
        var many = Tables.cells("Array<int>[...]", "Array<int>", IntStream.range(0, 20).boxed().toList()).get("text/html");
        assertTrue(many.contains("<td>15</td><td>... (4 more)</td>"), many);
        assertTrue(Tables.cells("Value<int>(7)", "Value<int>", List.of(7)).get("text/html").contains("<td>7</td>"));
    }
}
