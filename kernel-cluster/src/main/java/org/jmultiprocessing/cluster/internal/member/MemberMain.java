package org.jmultiprocessing.cluster.internal.member;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.jmultiprocessing.cluster.internal.ClusterKey;
import org.jmultiprocessing.cluster.internal.ClusterRuntime;
import org.jmultiprocessing.cluster.internal.output.OutputRouting;
import org.jmultiprocessing.cluster.internal.task.MemberSessions;

/**
 * A cluster member's main: {@code --join host1,host2 --key-file F [--bind ADDR] [--port P]}. A member started
 * by a notebook ({@code Cluster.startLocal}) gets {@code --key-stdin} instead: the key is the first line of its
 * standard input, and the member exits when that input closes (its parent ended, however it ended).
 */
public final class MemberMain {
    /** Kept: the JDK holds loggers weakly, and a collected logger would forget its level. */
    private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

    private MemberMain() {
    }

    public static void main(String[] args) throws IOException {
        List<String> join = new ArrayList<>();
        Path keyFile = null;
        boolean keyOnStdin = false;
        String bind = "127.0.0.1";
        int port = MemberConfig.DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--join" -> {
                    for (String address : value(args, ++i, "--join").split(",")) {
                        if (!address.isBlank()) {
                            join.add(address.contains(":") ? address.trim() : address.trim() + ":" + MemberConfig.DEFAULT_PORT);
                        }
                    }
                }
                case "--key-file" -> keyFile = Path.of(value(args, ++i, "--key-file"));
                case "--key-stdin" -> keyOnStdin = true;
                case "--bind" -> bind = value(args, ++i, "--bind");
                case "--port" -> port = port(value(args, ++i, "--port"));
                default -> throw usage("unknown option " + args[i]);
            }
        }
        if ((keyFile == null) == !keyOnStdin) {
            throw usage("give the cluster key with --key-file F (one line of hex, the same on every member and notebook; ./run member --key-file F --new-key, or Cluster.writeNewKey, makes one)");
        }
        HAZELCAST_LOG.setLevel(Level.WARNING);
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ClusterKey key = keyOnStdin ? ClusterKey.fromHex(stdin.readLine()) : ClusterKey.read(keyFile);
        OutputRouting.install();
        HazelcastInstance member = Hazelcast.newHazelcastInstance(MemberConfig.of(key, bind, port, join));
        ClusterRuntime.install(new ClusterRuntime.Attachment(member, key));
        MemberSessions.install(member, key);
        com.hazelcast.cluster.Address address = member.getCluster().getLocalMember().getAddress();
        System.out.println("jmultiprocessing member " + address.getHost() + ":" + address.getPort() + " (pid "
                + ProcessHandle.current().pid() + ") is up; the cluster has " + member.getCluster().getMembers().size()
                + " member(s) now");
        if (keyOnStdin) {
            // The parent holds the other end: when it ends, however it ends, so does this member.
            while (stdin.read() >= 0) {
                // Nothing else is sent.
            }
            System.exit(0);
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw usage(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port > 0 && port < 65536) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw usage("--port takes a TCP port (1-65535), got " + text);
    }

    private static IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(problem + "\nusage: member --join host1,host2[:port] --key-file F"
                + " [--bind ADDR (default 127.0.0.1)] [--port P (default " + MemberConfig.DEFAULT_PORT + ")]");
    }
}
