package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;


import org.jmultiprocessing.testing.CapturedOutput;
import org.jmultiprocessing.testing.GreetingLibrary;
import org.jmultiprocessing.testing.JShellNotebook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cell code spawned more than one level deep, as Python nests processes: a child that starts its own
 * processes or pool passes on the cell classes it received, and the notebook variables as they are in it.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JShellNestedTest {
    private JShellNotebook notebook;

    @BeforeEach
    void openShell() {
        notebook = new JShellNotebook();
        notebook.run("import java.util.List;");
        notebook.run("""
                void startAndJoin(Process p) throws Exception {
                    p.start();
                    p.join();
                    if (p.exitCode() != 0) {
                        throw new IllegalStateException(p.name() + " exited with " + p.exitCode());
                    }
                }
                """);
    }

    @AfterEach
    void closeShell() {
        notebook.close();
    }

    @Test
    void shouldRunCellMethodThreeLevelsDeepWithTheVariablesOfEachParent() {
        notebook.run("int generation = 0;");
        // Each level changes its copy of the variable before starting the next: the next sees that value,
        // as a forked Python child would.
        notebook.run("""
                void descend(int depth) throws Exception {
                    generation++;
                    System.out.println("depth " + depth + " sees generation " + generation);
                    if (depth < 3) {
                        startAndJoin(new Process((Integer d) -> descend(d), depth + 1));
                    }
                }
                """);
        notebook.run("generation = 10;");
        try (CapturedOutput output = new CapturedOutput()) {
            run(output, "var top = new Process((Integer d) -> descend(d), 1);");
            run(output, "top.start(); top.join();");
            assertEquals("depth 1 sees generation 11\ndepth 2 sees generation 12\ndepth 3 sees generation 13\n",
                    output.out(), output.err());
            assertEquals("0", notebook.run("top.exitCode()"));
        }
        assertEquals("10", notebook.run("generation"));
    }

    @Test
    void shouldMapCellFunctionWithAPoolInsideAProcess() {
        notebook.run("record Squared(int of, int value) implements java.io.Serializable { }");
        notebook.run("Squared square(int x) { return new Squared(x, x * x); }");
        notebook.run("""
                void mapInPool() {
                    try (var pool = new Pool(2)) {
                        System.out.println("in the child: " + pool.map((Integer x) -> square(x), List.of(1, 2, 3)));
                    }
                }
                """);
        try (CapturedOutput output = new CapturedOutput()) {
            run(output, "startAndJoin(new Process(() -> mapInPool()));");
            assertEquals("in the child: [Squared[of=1, value=1], Squared[of=2, value=4], Squared[of=3, value=9]]\n",
                    output.out(), output.err());
        }
    }

    @Test
    void shouldStartProcessesOnCellCodeInsideAPoolTask() {
        // Python's Pool refuses this (its workers are daemonic); its ProcessPoolExecutor, which Pool also is
        // here, allows it: the task's process is not daemonic, so it may start one of its own.
        notebook.run("String greet(String who) { return \"hello \" + who + \" from \" + Multiprocessing.currentProcess().name(); }");
        notebook.run("""
                void reply(String who, Queue<String> replies, boolean again) throws Exception {
                    replies.put(greet(who) + (Multiprocessing.currentProcess().daemon() ? " (daemon)" : ""));
                    if (again) {
                        startAndJoin(new Process((String w, Queue<String> q) -> reply(w, q, false), who, replies));
                    }
                }
                String viaGrandchildren(String who) throws Exception {
                    var replies = new Queue<String>();
                    startAndJoin(new Process((String w, Queue<String> q) -> reply(w, q, true), who, replies));
                    return replies.get(10.0) + ", " + replies.get(10.0);
                }
                """);
        try (CapturedOutput output = new CapturedOutput()) {
            run(output, "var pool = new Pool(1);");
            try {
                // Named by identity, as in Python: Process-N:1 is the first child of the worker with identity N.
                String replies = run(output, "pool.apply(() -> viaGrandchildren(\"pool\"))");
                assertTrue(replies.matches("hello pool from Process-(\\d+):1, hello pool from Process-\\1:1:1"),
                        replies + "\n" + output.err());
            } finally {
                run(output, "pool.close();");
            }
        }
    }

    @Test
    void shouldCarryACellRecordFromAGrandchildToTheNotebookThroughAQueue() {
        notebook.run("record Reading(int depth, String process, String route) implements java.io.Serializable { }");
        // A variable that is not a plain value: the variables travel in Java serialization at each level.
        notebook.run("var route = new java.util.ArrayList<>(List.of(\"notebook\"));");
        notebook.run("""
                void relay(Queue<Reading> readings, int depth) throws Exception {
                    route.add("depth " + depth);
                    if (depth == 2) {
                        readings.put(new Reading(depth, Multiprocessing.currentProcess().name(), route.toString()));
                    } else {
                        startAndJoin(new Process((Queue<Reading> q, Integer d) -> relay(q, d), readings, depth + 1));
                    }
                }
                """);
        notebook.run("var readings = new Queue<Reading>();");
        try (CapturedOutput output = new CapturedOutput()) {
            run(output, "var top = new Process((Queue<Reading> q, Integer d) -> relay(q, d), readings, 1);");
            run(output, "startAndJoin(top);");
            run(output, "var reading = readings.get(10.0);");
            assertEquals("2 " + notebook.run("top.name()") + ":1 [notebook, depth 1, depth 2]",
                    notebook.run("reading.depth() + \" \" + reading.process() + \" \" + reading.route()"), output.err());
        }
        assertEquals("[notebook]", notebook.run("route.toString()"));
    }

    @Test
    void shouldGiveAGrandchildTheClassesAddedToTheNotebookClasspath(@TempDir Path library) throws Exception {
        notebook.addToClasspath(GreetingLibrary.compile(library).toString());
        notebook.run("void greetFromGrandchild() throws Exception { startAndJoin(new Process(() -> System.out.println(greeting.Greeting.hello()))); }");
        try (CapturedOutput output = new CapturedOutput()) {
            run(output, "startAndJoin(new Process(() -> greetFromGrandchild()));");
            assertEquals("hello from a %classpath class\n", output.out(), output.err());
        }
    }

    /** Runs a cell; when it throws, the failure shows what the processes printed to stderr (their tracebacks). */
    private String run(CapturedOutput output, String cell) {
        try {
            return notebook.run(cell);
        } catch (IllegalStateException e) {
            throw new AssertionError(e.getMessage() + "\nstderr of the processes:\n" + output.err(), e);
        }
    }
}
