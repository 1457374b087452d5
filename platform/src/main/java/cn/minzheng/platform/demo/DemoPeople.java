package cn.minzheng.platform.demo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import cn.minzheng.platform.identity.ResidentIdNumber;

/**
 * Invented people for demo data, the same on every run (seeded): Chinese names, and ID numbers that are valid in
 * form (region, birth date, sequence with the sex digit, check character) but belong to no one.
 */
public final class DemoPeople {

    private static final String[] FAMILY_NAMES = {"张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙"};
    private static final String[] GIVEN_NAMES = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇", "军", "杰",
            "娟", "涛", "明", "超", "秀英", "桂兰", "建国", "志强"};

    private final Random random;
    /** Per county and birthday, the sequence numbers handed out: two people never get the same number. */
    private final Map<String, Integer> sequences = new HashMap<>();

    public DemoPeople(long seed) {
        this.random = new Random(seed);
    }

    /** The seeded source of every other choice the data set makes, so the whole set repeats. */
    public Random random() {
        return random;
    }

    public String familyName() {
        return FAMILY_NAMES[random.nextInt(FAMILY_NAMES.length)];
    }

    public String givenName() {
        return GIVEN_NAMES[random.nextInt(GIVEN_NAMES.length)];
    }

    public String name() {
        return familyName() + givenName();
    }

    /**
     * A new ID number of someone born on that day in that county, never the same twice in one run (up to 450
     * people of one sex per county and birthday; the sequence digit's parity is the sex, as GB 11643 says).
     */
    public ResidentIdNumber idNumber(String county, LocalDate birth, boolean male) {
        int sequence = sequences.merge(county + birth + male, 1, Integer::sum);
        if (sequence > 450) {
            throw new IllegalStateException("more than 450 demo people born on " + birth + " in " + county);
        }
        String first17 = county + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("%03d", 100 + sequence * 2 - (male ? 1 : 2));
        return ResidentIdNumber.of(first17 + ResidentIdNumber.checkCharacter(first17));
    }

    /** A birthday in the given range of years. */
    public LocalDate birthDay(int fromYear, int years) {
        return LocalDate.of(fromYear + random.nextInt(years), 1 + random.nextInt(12), 1 + random.nextInt(28));
    }
}
