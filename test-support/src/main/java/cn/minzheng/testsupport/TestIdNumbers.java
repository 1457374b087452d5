package cn.minzheng.testsupport;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * Valid, distinct resident ID numbers for tests (the one-household-per-person rule needs fresh people in every
 * test): issuing county, birth date, a sequence whose last digit gives the sex, and the GB 11643 check character.
 */
public final class TestIdNumbers {

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 400));

    private TestIdNumbers() {
    }

    public static String male(String county, LocalDate birth) {
        return make(county, birth, 1);
    }

    public static String female(String county, LocalDate birth) {
        return make(county, birth, 0);
    }

    private static String make(String county, LocalDate birth, int parity) {
        int n = SEQUENCE.incrementAndGet() % 500;
        String first17 = county + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", n * 2 + parity);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
