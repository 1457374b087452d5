package cn.minzheng.registry.marriage;

import java.time.LocalDate;

/** A certificate issued for a marriage; a reissue (补领) names the number it replaces and why. */
public record Certificate(String number, LocalDate issuedOn, String replaces, String reason, String issuedBy) {
}
