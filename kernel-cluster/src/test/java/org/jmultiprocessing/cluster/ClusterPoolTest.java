package org.jmultiprocessing.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.jmultiprocessing.Pool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedCluster.class)
class ClusterPoolTest {
    @Test
    void shouldMapALambdaOnTheMembers() {
        try (Pool pool = SharedCluster.cluster().context().pool(3)) {
            assertEquals(List.of(1, 4, 9, 16), pool.map((Integer x) -> x * x, List.of(1, 2, 3, 4)));
        }
    }
}
