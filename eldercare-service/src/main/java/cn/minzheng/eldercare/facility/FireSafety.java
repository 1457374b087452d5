package cn.minzheng.eldercare.facility;

import java.time.LocalDate;

/** 消防安全标准化: where the facility stands, since when. */
public record FireSafety(Status status, LocalDate since) {

    public enum Status {
        NOT_STARTED, IN_PROGRESS, COMPLIANT
    }
}
