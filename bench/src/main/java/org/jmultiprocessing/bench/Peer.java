package org.jmultiprocessing.bench;

import java.util.Arrays;
import java.util.List;

/** An implementation measured beside ours by a Python script of its own under bench/cpython/. */
enum Peer {
    /** CPython's {@code multiprocessing}, a row per start method (mp_bench.py). */
    CPYTHON("cpython", "CPython"),
    /** Ray's {@code ray.util.multiprocessing.Pool} on a local Ray cluster (ray_bench.py, build/bench-venv). */
    RAY("ray", "Ray");

    private final String id;
    private final String title;

    Peer(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name in the table: "Ray". */
    String title() {
        return title;
    }

    /** The name on the command line ({@code --peers cpython,ray}). */
    String id() {
        return id;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(Peer::id).toList();
    }

    static Peer of(String id) {
        return Arrays.stream(values()).filter(peer -> peer.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown peer " + id + "; choose from " + String.join(",", ids())));
    }
}
