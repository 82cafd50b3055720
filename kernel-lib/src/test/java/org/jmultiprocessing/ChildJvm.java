package org.jmultiprocessing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.jmultiprocessing.internal.runtime.Session;
import org.jmultiprocessing.internal.shm.Transfers;

/**
 * Test-only launcher of real child JVMs: serializes a task (which captures the shared objects under test)
 * into a file in the session directory, starts {@code java -cp <test class path>} on {@link #main}, which
 * adopts the session, deserializes the task (attaching the shared objects) and runs it.
 */
final class ChildJvm {
    /** A task for a child; captured shared objects travel by their serialized handles. */
    interface Task extends Serializable {
        void run() throws Exception;
    }

    private final java.lang.Process process;

    private ChildJvm(java.lang.Process process) {
        this.process = process;
    }

    static ChildJvm start(Task task) {
        return start("256m", task);
    }

    static ChildJvm start(String maxHeap, Task task) {
        return start(maxHeap, List.of(), task);
    }

    /** @param jvmOptions further options of the child's command line, e.g. system properties */
    static ChildJvm start(String maxHeap, List<String> jvmOptions, Task task) {
        try (Transfers.Scope transfer = Transfers.begin()) {
            Session session = Session.current();
            Path taskFile = session.newPath("test-task");
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(session.authKey());
                out.writeObject(task);
            }
            Files.write(taskFile, bytes.toByteArray());
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx" + maxHeap);
            command.add("-XX:+UseSerialGC");
            command.add("-XX:-UsePerfData");
            command.addAll(jvmOptions);
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(ChildJvm.class.getName());
            command.add(session.directory().toString());
            command.add(taskFile.toString());
            java.lang.Process process = new ProcessBuilder(command).inheritIO().start();
            transfer.assignTo(process.pid());
            return new ChildJvm(process);
        } catch (IOException e) {
            throw new AssertionError("cannot start a child JVM", e);
        }
    }

    static void runAll(Task... tasks) throws InterruptedException {
        List<ChildJvm> children = new ArrayList<>();
        for (Task task : tasks) {
            children.add(start(task));
        }
        for (ChildJvm child : children) {
            child.joinSuccessfully();
        }
    }

    long pid() {
        return process.pid();
    }

    int join() throws InterruptedException {
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish within 120 s");
        }
        return process.exitValue();
    }

    void joinSuccessfully() throws InterruptedException {
        int code = join();
        if (code != 0) {
            throw new AssertionError("child JVM failed with exit code " + code + " (its stack trace is in the output above)");
        }
    }

    void kill() {
        process.destroyForcibly();
    }

    public static void main(String[] args) throws Exception {
        Path taskFile = Path.of(args[1]);
        byte[] bytes = Files.readAllBytes(taskFile);
        Files.delete(taskFile);
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            Session.adopt(Path.of(args[0]), (byte[]) in.readObject());
            Task task = (Task) in.readObject();
            task.run();
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
