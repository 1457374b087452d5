package cn.minzheng.eldercare.inspection;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One hazard an inspection found (隐患), its severity and the day it must be rectified by. {@code deadline} is the
 * legal day: the inspector's {@code requestedDeadline}, or the next working day when that is a holiday or rest day.
 */
public record Finding(String id, String item, Severity severity, LocalDate requestedDeadline, LocalDate deadline,
        Rectification rectification) {

    public enum Severity {
        /** 一般隐患 */
        MINOR,
        /** 较大隐患 */
        SERIOUS,
        /** 重大隐患 */
        MAJOR
    }

    /** 整改: when, with what evidence (a document or photo reference), by whom. */
    public record Rectification(LocalDate rectifiedOn, String evidence, String by, Instant at) {
    }

    /** What a person who may act on the facility may do with a finding now: rectify it while it is open. */
    public enum Action {
        RECTIFY
    }

    /** By the rule rectification keeps ({@code already-rectified} once done): offered while open, to those who act. */
    public java.util.List<Action> actions(boolean mayAct) {
        return mayAct && open() ? java.util.List.of(Action.RECTIFY) : java.util.List.of();
    }

    public boolean open() {
        return rectification == null;
    }

    public boolean overdueOn(LocalDate day) {
        return open() && day.isAfter(deadline);
    }

    Finding rectified(Rectification done) {
        return new Finding(id, item, severity, requestedDeadline, deadline, done);
    }

    Finding withDeadline(LocalDate later) {
        return new Finding(id, item, severity, requestedDeadline, later, rectification);
    }
}
