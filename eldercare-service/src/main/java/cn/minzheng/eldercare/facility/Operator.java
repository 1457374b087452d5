package cn.minzheng.eldercare.facility;

import java.time.LocalDate;

import cn.minzheng.platform.identity.CreditCode;

/** The organisation that runs a public-built facility (公建民营), and until when its contract runs. */
public record Operator(CreditCode creditCode, String name, LocalDate contractEnds) {
}
