package org.jmultiprocessing.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a test-only {@code main} class in a fresh JVM with the test classpath, as a user's program would run. */
public final class JavaProgram {
    private JavaProgram() {
    }

    public static java.lang.Process start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Runs to completion (at most 60 s) and returns everything it printed. */
    public static String run(Class<?> mainClass, String... args) throws IOException, InterruptedException {
        java.lang.Process process = start(mainClass, args);
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(mainClass.getSimpleName() + " did not finish");
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** The first line of {@code output} that starts with {@code key=}, without the key. */
    public static String value(String output, String key) {
        return output.lines().filter(l -> l.startsWith(key + "=")).findFirst()
                .map(l -> l.substring(key.length() + 1))
                .orElseThrow(() -> new AssertionError("no " + key + "= line in:\n" + output));
    }
}
