package org.jmultiprocessing.cluster.internal.local;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.Hazelcast;
import org.jmultiprocessing.Context;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.member.MemberMain;
import org.jmultiprocessing.internal.runtime.LibraryThreads;

/**
 * Member JVMs started on this machine as children of this JVM, on 127.0.0.1 at free ports, each given the
 * key on its standard input; a member exits when that input closes, so none outlives this JVM however it
 * ends. Their output is kept in memory (the last lines), for the error when one fails to start.
 */
public final class LocalMembers implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final int KEPT_LINES = 40;
    /** Lean flags: members start together and start-up is CPU-bound. */
    private static final List<String> JVM_FLAGS = List.of("-Xms32m", "-Xmx512m", "-XX:+UseSerialGC", "-Xss512k");
    /** The internal APIs Hazelcast asks for (it warns and runs slower without them). */
    private static final List<String> HAZELCAST_ACCESS = List.of("--add-modules", "java.se",
            "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.management/sun.management=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED");

    private final List<java.lang.Process> processes = new ArrayList<>();
    private final List<Deque<String>> output = new ArrayList<>();
    private final List<String> addresses = new ArrayList<>();

    private LocalMembers() {
    }

    /** Starts {@code count} members (not waiting for them: the client's connection does). */
    public static LocalMembers start(int count, ClusterKey key) {
        if (count < 1) {
            throw new IllegalArgumentException("a local cluster needs at least 1 member, got " + count);
        }
        LocalMembers members = new LocalMembers();
        try {
            List<Integer> ports = freePorts(count);
            ports.forEach(port -> members.addresses.add(HOST + ":" + port));
            for (int i = 0; i < count; i++) {
                members.launch(i, ports.get(i), key);
            }
            return members;
        } catch (IOException | RuntimeException e) {
            members.close();
            throw new IllegalStateException("cannot start the local cluster's members: " + e, e);
        }
    }

    /** The members' addresses, {@code host:port}. */
    public List<String> addresses() {
        return List.copyOf(addresses);
    }

    /** The pids of the member processes still running. */
    public List<Long> pids() {
        return processes.stream().filter(java.lang.Process::isAlive).map(java.lang.Process::pid).toList();
    }

    /** Fails, with the member's last output, if a member has exited. */
    public void checkAlive() {
        for (int i = 0; i < processes.size(); i++) {
            java.lang.Process process = processes.get(i);
            if (!process.isAlive()) {
                throw new IllegalStateException("local cluster member " + addresses.get(i) + " (pid " + process.pid()
                        + ") exited with code " + process.exitValue() + "; its last output:\n" + lastOutput(i));
            }
        }
    }

    private void launch(int index, int port, ClusterKey key) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(HAZELCAST_ACCESS);
        if (Runtime.version().feature() >= 23) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // Hazelcast's shaded jctools
        }
        command.add("-cp");
        command.add(classpath());
        command.add(MemberMain.class.getName());
        command.addAll(List.of("--key-stdin", "--bind", HOST, "--port", Integer.toString(port),
                "--join", String.join(",", addresses)));
        java.lang.Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        processes.add(process);
        Deque<String> lines = new ArrayDeque<>();
        output.add(lines);
        LibraryThreads.startDaemon(() -> keep(process, lines), "jmp-cluster-member-output-" + (index + 1));
        OutputStream stdin = process.getOutputStream();
        stdin.write((key.toHex() + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    private static void keep(java.lang.Process process, Deque<String> lines) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                synchronized (lines) {
                    if (lines.size() == KEPT_LINES) {
                        lines.removeFirst();
                    }
                    lines.addLast(line);
                }
            }
        } catch (IOException e) {
            // The member ended.
        }
    }

    private String lastOutput(int index) {
        Deque<String> lines = output.get(index);
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    /**
     * kernel-cluster, kernel-lib and Hazelcast where this JVM found them, then this JVM's classpath (a test's
     * classes; in a notebook, the kernel's).
     */
    private static String classpath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> type : List.of(MemberMain.class, Context.class, Hazelcast.class)) {
            try {
                entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
            } catch (URISyntaxException | NullPointerException e) {
                throw new IllegalStateException("cannot find the jar of " + type.getName() + " to start members with", e);
            }
        }
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                sockets.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
            }
            return sockets.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }

    /** Stops the members: their input closes (they exit), and any still running after a moment is killed. */
    @Override
    public void close() {
        for (java.lang.Process process : processes) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                // Already closed: it is exiting.
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (java.lang.Process process : processes) {
            try {
                if (!process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the member with process id {@code pid} is one of these. */
    public boolean isLocal(long pid) {
        return processes.stream().anyMatch(p -> p.pid() == pid);
    }

}
