package org.jmultiprocessing.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine and the run behind a set of results.
 *
 * @param loadAverageBefore the 1, 5 and 15 minute load averages when the run started
 * @param runsPerRound samples per implementation and round, by scenario id
 */
record RunFacts(String date, String cpuModel, int cpus, String os, String javaVersion, String pythonVersion,
        List<Double> loadAverageBefore, List<Double> loadAverageAfter, int rounds, Map<String, Integer> runsPerRound) {

    /** This machine's facts, with what the caller measured around the run. */
    static RunFacts of(String pythonVersion, List<Double> loadAverageBefore, int rounds, Map<String, Integer> runsPerRound)
            throws IOException {
        return new RunFacts(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                readCpuModel(), Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.version"), pythonVersion, loadAverageBefore, readLoadAverage(), rounds, runsPerRound);
    }

    /** One line for the README: when, where, what ran, and how busy the machine was. */
    String summary() {
        return String.format(Locale.ROOT, "Measured %s on %s (%d CPUs, %s), Java %s, %s; %d round%s; load average %.2f before, %.2f after.",
                date, cpuModel, cpus, os, javaVersion, pythonVersion, rounds, rounds == 1 ? "" : "s",
                loadAverageBefore.get(0), loadAverageAfter.get(0));
    }

    static List<Double> readLoadAverage() throws IOException {
        return Arrays.stream(Files.readString(Path.of("/proc/loadavg")).split(" ")).limit(3).map(Double::valueOf).toList();
    }

    private static String readCpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU");
    }
}
