package org.jmultiprocessing.internal.launch;

import java.util.List;

import org.jmultiprocessing.spi.ProcessSpec;
import org.jmultiprocessing.spi.Processes;
import org.jmultiprocessing.spi.StartedProcess;

/** The processes of the default backend: each a child JVM running the task it was handed. */
public final class ChildLauncher implements Processes {
    public static final ChildLauncher INSTANCE = new ChildLauncher();

    private ChildLauncher() {
    }

    @Override
    public StartedProcess start(ProcessSpec spec) {
        return ChildProcess.start(spec.task(), spec.labelledParts());
    }

    @Override
    public List<StartedProcess> running() {
        return ChildProcess.running();
    }

    /** {@code Multiprocessing.setJvmOptions}: the extra options of the child JVMs started from now on. */
    public void setJvmOptions(List<String> options) {
        Launcher.setExtraJvmOptions(options);
    }

    /** {@code Multiprocessing.setReadyStandby}: whether one booted child JVM waits for the next start. */
    public void setReadyStandby(boolean enabled) {
        Launcher.setStandbyEnabled(enabled);
    }
}
