package org.jmultiprocessing.internal;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts child JVMs: the same Java runtime as this one, kernel-lib alone on the classpath (the parent's
 * classpath travels in the prepare frame), and {@link ChildMain} as the entry point.
 */
public final class Launcher {
    /**
     * Flags chosen for start-up time: SerialGC starts fastest and suits small heaps;
     * {@code -XX:-UsePerfData} skips the hsperfdata file in the temp directory.
     */
    private static final List<String> DEFAULT_OPTIONS = List.of("-XX:+UseSerialGC", "-XX:-UsePerfData", "-Xshare:auto");

    private static volatile List<String> extraOptions = List.of();

    private Launcher() {
    }

    public static void setExtraJvmOptions(List<String> options) {
        for (String option : options) {
            if (!option.startsWith("-")) {
                throw new IllegalArgumentException("JVM options start with '-', got '" + option
                        + "'; pass program arguments to the target instead");
            }
        }
        extraOptions = List.copyOf(options);
    }

    /** The command line of a child JVM. */
    static List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(DEFAULT_OPTIONS);
        command.addAll(extraOptions);
        command.add("-cp");
        command.add(kernelLibLocation());
        command.add(ChildMain.class.getName());
        return command;
    }

    static java.lang.Process launch() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.redirectOutput(ProcessBuilder.Redirect.PIPE);
        builder.redirectError(ProcessBuilder.Redirect.PIPE);
        return builder.start();
    }

    /** Where this library's classes come from: its jar, or a classes directory in a build. */
    static String kernelLibLocation() {
        CodeSource source = Launcher.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                Path path = Paths.get(source.getLocation().toURI());
                return path.toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Fall through to the classpath.
            }
        }
        return System.getProperty("java.class.path", "") + File.pathSeparator;
    }
}
