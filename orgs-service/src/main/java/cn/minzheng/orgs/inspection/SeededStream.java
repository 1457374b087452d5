package cn.minzheng.orgs.inspection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The draw's only source of chance, so that anyone can re-run a draw with a published seed and a few lines in any
 * language: value k is the first 8 bytes of SHA-256("&lt;seed&gt;:&lt;k&gt;") (UTF-8, k in decimal from 0),
 * big-endian, shifted right by one bit (a number in [0, 2^63)). A number below n is drawn by rejection: values at
 * or above n × floor((2^63 − 1) / n) are skipped, so every number is equally likely; the value is then taken
 * modulo n.
 */
final class SeededStream {

    private final String seed;
    private final MessageDigest sha256;
    private long counter;

    SeededStream(String seed) {
        this.seed = seed;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", missing);
        }
    }

    long next() {
        byte[] hash = sha256.digest((seed + ":" + counter++).getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (hash[i] & 0xff);
        }
        return value >>> 1;
    }

    /** A number in [0, n), each equally likely. */
    int below(int n) {
        if (n <= 0) {
            throw new IllegalArgumentException("n must be positive: " + n);
        }
        long bound = (Long.MAX_VALUE / n) * n;
        long value;
        do {
            value = next();
        } while (value >= bound);
        return (int) (value % n);
    }
}
