package cn.minzheng.testsupport;

import cn.minzheng.platform.refusal.Refusal;

/**
 * Unit specs of aggregates: what a rule refused. Apart from {@link ProblemAssertions} because the gateway's tests
 * use those and have no platform library on their classpath.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * What a rule refused, as {@code "code field"} ({@code "under-age partyA.idNumber"}), or just the code when no
     * field is named; null when the step was allowed.
     */
    public static String refusalOf(Runnable step) {
        try {
            step.run();
            return null;
        } catch (Refusal refusal) {
            return refusal.code() + (refusal.field() == null ? "" : " " + refusal.field());
        }
    }
}
