package org.jmultiprocessing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every map form takes Python's chunksize, and each refuses one below 1 as Python does. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PoolChunksizeTest {
    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldTakeAChunksizeInEveryMapForm(Context ctx) throws Exception {
        try (Pool pool = ctx.pool(2)) {
            List<List<?>> triples = List.of(List.of(1, 2, 3), List.of(4, 5, 6), List.of(7, 8, 9));
            assertEquals(List.of(6, 15, 24), pool.starmap((Integer a, Integer b, Integer c) -> a + b + c, triples, 2));
            assertEquals(List.of(6, 15, 24), pool.starmapAsync((Integer a, Integer b, Integer c) -> a + b + c, triples, 2).get());
            List<Integer> ordered = new ArrayList<>();
            pool.imap((Integer x) -> x * 10, List.of(1, 2, 3, 4, 5), 2).forEach(ordered::add);
            assertEquals(List.of(10, 20, 30, 40, 50), ordered);
            List<Integer> any = new ArrayList<>();
            pool.imapUnordered((Integer x) -> x * 10, Stream.of(1, 2, 3), 3).forEach(any::add);
            assertEquals(List.of(10, 20, 30), any.stream().sorted().toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.jmultiprocessing.BothContexts#both")
    void shouldRefuseAChunksizeBelowOneInEveryForm(Context ctx) {
        try (Pool pool = ctx.pool(1)) {
            List<Integer> xs = List.of(1, 2);
            List<List<?>> pairs = List.of(List.of(1, 2));
            List<List<?>> triples = List.of(List.of(1, 2, 3));
            Func<Integer, Integer> same = (Integer x) -> x;
            for (org.junit.jupiter.api.function.Executable call : List.<org.junit.jupiter.api.function.Executable>of(
                    () -> pool.map(same, xs, 0),
                    () -> pool.mapAsync(same, xs, -1),
                    () -> pool.starmap((Integer a, Integer b) -> a + b, pairs, 0),
                    () -> pool.starmapAsync((Integer a, Integer b) -> a + b, pairs, 0),
                    () -> pool.starmap((Integer a, Integer b, Integer c) -> a + b + c, triples, 0),
                    () -> pool.starmapAsync((Integer a, Integer b, Integer c) -> a + b + c, triples, 0),
                    () -> pool.imap(same, xs, 0),
                    () -> pool.imap(same, xs.stream(), 0),
                    () -> pool.imapUnordered(same, xs, 0),
                    () -> pool.imapUnordered(same, xs.stream(), -5))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
                assertTrue(e.getMessage().startsWith("chunksize must be at least 1, got "), e.getMessage());
            }
        }
    }
}
