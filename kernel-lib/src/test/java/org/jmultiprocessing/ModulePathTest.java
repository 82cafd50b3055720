package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;

import org.jmultiprocessing.testing.JavaProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kernel-lib's jar on the module path, as a modular program uses it: the public API and the SPI are there,
 * {@code org.jmultiprocessing.internal.*} is not, neither to the compiler nor to reflection.
 */
class ModulePathTest {
    private static final String DEMO_MAIN = """
            package demo;

            import org.jmultiprocessing.Multiprocessing;
            import org.jmultiprocessing.Process;
            import org.jmultiprocessing.Queue;
            import org.jmultiprocessing.Value;

            public class Main {
                static void greet(Queue<String> out) {
                    out.put("hello from " + Multiprocessing.pid());
                }

                public static void main(String[] args) throws Exception {
                    System.out.println("module=" + Process.class.getModule().getName());
                    System.out.println("context=" + Multiprocessing.getContext().name());
                    Queue<String> queue = new Queue<>();
                    queue.put("through the queue");
                    System.out.println("queue=" + queue.get(10.0));
                    Value.OfInt counter = Value.ofInt(41);
                    System.out.println("value=" + counter.addAndGet(1));
                    Process child = new Process(Main::greet, queue);
                    child.start();
                    child.join();
                    System.out.println("child=" + queue.get(10.0) + " exit " + child.exitCode());
                    System.out.println("parent=" + Multiprocessing.pid());
                    try {
                        Class.forName("org.jmultiprocessing.internal.runtime.Internals").getMethod("pid").invoke(null);
                        System.out.println("internal=reachable");
                    } catch (IllegalAccessException e) {
                        System.out.println("internal=refused");
                    }
                    queue.close();
                }
            }
            """;

    private static final String CHEAT_MAIN = """
            package cheat;

            public class Main {
                public static void main(String[] args) {
                    org.jmultiprocessing.internal.runtime.Internals.pid();
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void shouldServeThePublicApiAndHideTheInternalsOnTheModulePath() throws Exception {
        Path jar = kernelLibJar();
        Path demo = compileModule("demo", DEMO_MAIN, jar);
        String output = run(List.of("--module-path", jar + File.pathSeparator + demo, "-m", "demo/demo.Main"));
        assertEquals("org.jmultiprocessing", JavaProgram.value(output, "module"), output);
        assertEquals("process", JavaProgram.value(output, "context"), output);
        assertEquals("through the queue", JavaProgram.value(output, "queue"), output);
        assertEquals("42", JavaProgram.value(output, "value"), output);
        String child = JavaProgram.value(output, "child");
        assertTrue(child.startsWith("hello from ") && child.endsWith(" exit 0"), output);
        assertNotEquals("hello from " + JavaProgram.value(output, "parent") + " exit 0", child, "ran in a child JVM");
        assertEquals("refused", JavaProgram.value(output, "internal"), output);
    }

    @Test
    void shouldRefuseToCompileAModuleThatNamesAnInternalType() throws Exception {
        Path jar = kernelLibJar();
        Path sources = writeModule("cheat", CHEAT_MAIN);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac(errors, "--module-path", jar.toString(), "-d", dir.resolve("cheat-classes").toString(),
                sources.resolve("module-info.java").toString(), sources.resolve("cheat/Main.java").toString());
        String message = errors.toString(StandardCharsets.UTF_8);
        assertNotEquals(0, status, "compiled although it names an internal type");
        assertTrue(message.contains("org.jmultiprocessing.internal.runtime") && message.contains("does not export it"), message);
    }

    /** kernel-lib's jar, made from the classes this build compiled (the jar itself is made after the tests). */
    private Path kernelLibJar() throws Exception {
        Path classes = Paths.get(Process.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertTrue(Files.exists(classes.resolve("module-info.class")), "module-info.class in " + classes);
        Path jar = dir.resolve("kernel-lib.jar");
        ToolProvider tool = ToolProvider.findFirst("jar").orElseThrow();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        assertEquals(0, tool.run(err, err, "--create", "--file", jar.toString(), "-C", classes.toString(), "."),
                errors.toString(StandardCharsets.UTF_8));
        return jar;
    }

    private Path writeModule(String name, String main) throws IOException {
        Path sources = dir.resolve(name + "-src");
        Files.createDirectories(sources.resolve(name));
        Files.writeString(sources.resolve("module-info.java"), "module " + name + " { requires org.jmultiprocessing; }\n");
        Files.writeString(sources.resolve(name).resolve("Main.java"), main);
        return sources;
    }

    private Path compileModule(String name, String main, Path jar) throws IOException {
        Path sources = writeModule(name, main);
        Path classes = dir.resolve(name + "-classes");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac(errors, "--module-path", jar.toString(), "-d", classes.toString(),
                sources.resolve("module-info.java").toString(), sources.resolve(name).resolve("Main.java").toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));
        return classes;
    }

    /** Runs javac in this JVM, without its classpath (where kernel-lib's classes are in the unnamed module). */
    private int javac(ByteArrayOutputStream errors, String... args) throws IOException {
        Path emptyClasspath = Files.createDirectories(dir.resolve("empty"));
        List<String> all = new ArrayList<>(List.of("--class-path", emptyClasspath.toString()));
        all.addAll(List.of(args));
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        return ToolProvider.findFirst("javac").orElseThrow().run(err, err, all.toArray(String[]::new));
    }

    private static String run(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        java.lang.Process program = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = program.getInputStream().readAllBytes();
        if (!program.waitFor(60, TimeUnit.SECONDS)) {
            program.destroyForcibly();
            throw new AssertionError("the modular program did not finish");
        }
        return new String(output, StandardCharsets.UTF_8);
    }
}
