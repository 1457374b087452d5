package cn.minzheng.assistance.allowance;

/** The categories of the disability certificate (残疾人证): 视力、听力、言语、肢体、智力、精神、多重. */
public enum DisabilityType {
    VISUAL("视力"), HEARING("听力"), SPEECH("言语"), PHYSICAL("肢体"), INTELLECTUAL("智力"), MENTAL("精神"),
    MULTIPLE("多重");

    private final String chinese;

    DisabilityType(String chinese) {
        this.chinese = chinese;
    }

    /** A household member's free-text category ("肢体", "PHYSICAL"), when it names one of these. */
    public static DisabilityType parse(String category) {
        if (category == null) {
            return null;
        }
        String text = category.trim();
        for (DisabilityType type : values()) {
            if (type.name().equalsIgnoreCase(text) || text.startsWith(type.chinese)) {
                return type;
            }
        }
        return null;
    }
}
