package cn.minzheng.assistance.standard;

import java.time.Instant;
import java.time.LocalDate;

import cn.minzheng.assistance.benefit.Programme;
import cn.minzheng.assistance.benefit.Residence;
import cn.minzheng.assistance.money.Money;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One version of an assistance standard: the monthly amount per person a county sets for a programme and residence
 * type from a date. Never edited: a correction or a raise is a new version, and for the same effective date the
 * newest version supersedes the older one, so the history of what was in force is never lost.
 */
@Document("standards")
public record Standard(@Id String id, String county, Programme programme, Residence residence, Money amount,
        LocalDate effectiveFrom, String createdBy, Instant createdAt, String supersedes, boolean rolledOut) {

    boolean appliesTo(Residence householdResidence) {
        return residence == Residence.ALL || residence == householdResidence;
    }
}
