package org.jmultiprocessing.internal.ship;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jmultiprocessing.Func;
import org.jmultiprocessing.Target;
import org.jmultiprocessing.Target1;
import org.jmultiprocessing.Target2;
import org.jmultiprocessing.spi.ProcessTask;
import org.junit.jupiter.api.Test;

class PlainShipmentTest {
    static final List<String> CALLS = new ArrayList<>();

    static void record(String what) {
        CALLS.add(what);
    }

    record Made(String value) {
        Made {
            record("made " + value);
        }
    }

    private static Object roundTrip(Object root, Set<Class<?>> seen) throws Exception {
        byte[] shipment = PlainShipment.encode(root, seen);
        assertNotNull(shipment, "a plain shipment for " + root);
        return PlainShipment.decode(shipment, PlainShipmentTest.class.getClassLoader());
    }

    /** A process's task, as the Process class makes it for a start. */
    private static ProcessTask task(Serializable target, Object... args) {
        return new ProcessTask("Process-1", false, new int[] {1}, target, args);
    }

    @SuppressWarnings("unchecked")
    private static void runTarget(ProcessTask process) throws Exception {
        Object target = process.target();
        Object[] args = process.args();
        switch (args.length) {
            case 0 -> ((Target) target).run();
            case 1 -> ((Target1<Object>) target).run(args[0]);
            default -> ((Target2<Object, Object>) target).run(args[0], args[1]);
        }
    }

    static final class NamedTarget implements Target {
        @Override
        public void run() {
        }
    }

    @Test
    void shouldRebuildProcessWithEveryPlainValueCapturedOrPassed() throws Exception {
        CALLS.clear();
        String text = "héllo";
        int i = 7;
        long l = 1L << 40;
        double d = 2.5;
        char c = 'λ';
        Boolean nothing = null;
        ProcessTask sent = new ProcessTask("Sender", true, new int[] {2, 5},
                (Target2<String, Short>) (a, b) -> record(text + i + l + d + c + nothing + a + b), new Object[] {"arg", (short) 3});
        Set<Class<?>> seen = new HashSet<>();
        ProcessTask received = (ProcessTask) roundTrip(sent, seen);

        assertTrue(seen.contains(PlainShipmentTest.class), "the capturing class travels: " + seen);
        assertEquals("Sender", received.name());
        assertTrue(received.daemon());
        assertArrayEquals(sent.identity(), received.identity());
        assertInstanceOf(ReflectiveTarget.class, received.target());
        runTarget(received);
        assertEquals(List.of("héllo7" + (1L << 40) + "2.5λnullarg3"), CALLS);
    }

    @Test
    void shouldCallMethodReferencesOfEveryKind() throws Exception {
        CALLS.clear();
        String prefix = "bound";
        runTarget((ProcessTask) roundTrip(task((Target1<String>) PlainShipmentTest::record, "static"), new HashSet<>()));
        runTarget((ProcessTask) roundTrip(task((Target1<String>) Made::new, "constructor"), new HashSet<>()));
        runTarget((ProcessTask) roundTrip(task((Target) prefix::length), new HashSet<>()));
        runTarget((ProcessTask) roundTrip(task((Target1<String>) s -> record(s.toUpperCase()), "lambda"), new HashSet<>()));
        assertEquals(List.of("static", "made constructor", "LAMBDA"), CALLS);
    }

    @Test
    void shouldRethrowWhatTheTargetThrowsAsItIs() throws Exception {
        ProcessTask received = (ProcessTask) roundTrip(task((Target) () -> {
            throw new java.io.IOException("disk");
        }), new HashSet<>());
        java.io.IOException thrown = assertThrows(java.io.IOException.class, () -> runTarget(received));
        assertEquals("disk", thrown.getMessage());
    }

    @Test
    void shouldSerializeRebuiltTargetAsTheLambdaItStandsFor() throws Exception {
        CALLS.clear();
        ProcessTask received = (ProcessTask) roundTrip(task((Target1<String>) s -> record("again " + s), "x"), new HashSet<>());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(received.target());
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }
        assertTrue(copy.getClass().isSynthetic(), "a real lambda again: " + copy.getClass());
        @SuppressWarnings("unchecked")
        Target1<String> target = (Target1<String>) copy;
        target.run("y");
        assertEquals(List.of("again y"), CALLS);
    }

    @Test
    void shouldRebuildOtherLambdasAsLambdas() throws Exception {
        int offset = 10;
        @SuppressWarnings("unchecked")
        Func<Integer, Integer> received = (Func<Integer, Integer>) roundTrip((Func<Integer, Integer>) x -> x + offset, new HashSet<>());
        assertEquals(15, received.apply(5));
    }

    @Test
    void shouldShipByteArraysCapturedOrPassedInTheCompactForm() throws Exception {
        CALLS.clear();
        byte[] captured = {1, 2};
        ProcessTask sent = task((Target1<byte[]>) passed -> record(captured.length + "+" + passed.length), new byte[] {3, 4, 5});
        ProcessTask received = (ProcessTask) roundTrip(sent, new HashSet<>());
        runTarget(received);
        assertEquals(List.of("2+3"), CALLS);
        assertArrayEquals(new byte[] {3, 4, 5}, (byte[]) received.args()[0]);
    }

    @Test
    void shouldLeaveEverythingElseToSerialization() {
        List<String> list = new ArrayList<>(List.of("not plain"));
        assertNull(PlainShipment.encode(task((Target1<List<String>>) l -> { }, list), new HashSet<>()), "a non-plain argument");
        assertNull(PlainShipment.encode(task((Target) () -> record(list.toString())), new HashSet<>()), "a non-plain capture");
        assertNull(PlainShipment.encode(task(new NamedTarget()), new HashSet<>()), "a target that is not a lambda");
        assertNull(PlainShipment.encode(new Object[] {1, 2}, new HashSet<>()), "an array");
    }

    @Test
    void shouldRoundTripPlainVariablesAndRefuseOthers() throws Exception {
        Map<String, Map<String, Object>> variables = new LinkedHashMap<>();
        variables.put("REPL.$JShell$3", new LinkedHashMap<>(Map.of("limit", 10)));
        variables.put("REPL.$JShell$4", new LinkedHashMap<>());
        Map<String, Object> nullable = new LinkedHashMap<>();
        nullable.put("name", null);
        variables.put("REPL.$JShell$5", nullable);
        assertEquals(variables, PlainShipment.decode(PlainShipment.encodeVariables(variables), getClass().getClassLoader()));

        variables.get("REPL.$JShell$4").put("list", List.of(1));
        assertNull(PlainShipment.encodeVariables(variables));
    }
}
