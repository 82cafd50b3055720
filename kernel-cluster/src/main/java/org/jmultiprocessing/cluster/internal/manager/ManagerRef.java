package org.jmultiprocessing.cluster.internal.manager;

import java.io.Serializable;

import org.jmultiprocessing.cluster.internal.shared.Site;

/**
 * The manager a proxy belongs to: a marker entry in the session's sync map while the manager runs. Every
 * proxy call checks it first, so that proxies in every JVM fail once the manager is shut down.
 */
record ManagerRef(String session, String name) implements Serializable {
    void checkRunning(Site site) {
        if (!site.sync().containsKey(name)) {
            throw new IllegalStateException("the manager has been shut down (or its notebook session ended):"
                    + " its proxies no longer work; make a new one with ctx.manager()");
        }
    }
}
