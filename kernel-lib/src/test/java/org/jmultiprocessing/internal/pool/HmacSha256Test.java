package org.jmultiprocessing.internal.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Random;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class HmacSha256Test {
    @Test
    void shouldMatchTheJdksHmacSha256ForEveryLengthAroundTheBlockSize() throws Exception {
        Random random = new Random(42);
        Mac jdk = Mac.getInstance("HmacSHA256");
        for (int keyLength : new int[] {1, 32, 64, 65, 100}) {
            for (int length = 0; length < 200; length++) {
                byte[] key = new byte[keyLength];
                byte[] message = new byte[length];
                random.nextBytes(key);
                random.nextBytes(message);
                jdk.init(new SecretKeySpec(key, "HmacSHA256"));
                assertArrayEquals(jdk.doFinal(message), HmacSha256.mac(key, message), "key " + keyLength + ", message " + length);
            }
        }
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest("abc".getBytes()), HmacSha256.sha256("abc".getBytes()));
    }

    @Test
    void shouldGiveFreshRandomChallengesAndCompareDigests() {
        byte[] a = HmacSha256.randomBytes(32);
        assertEquals(32, a.length);
        assertFalse(HmacSha256.equal(a, HmacSha256.randomBytes(32)));
        assertTrue(HmacSha256.equal(a, a.clone()));
        assertFalse(HmacSha256.equal(a, new byte[31]));
    }
}
