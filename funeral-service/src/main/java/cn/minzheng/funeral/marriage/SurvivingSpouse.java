package cn.minzheng.funeral.marriage;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;

import cn.minzheng.platform.refusal.Refusal;

import org.springframework.stereotype.Component;

/**
 * Whether a living person was a deceased person's spouse at the death, on what registry announced: yes
 * ({@link Basis#REGISTRY}); no, when the claimant or the deceased was married to someone else that day or the couple
 * had divorced (422 {@code not-spouse-at-death}); or unknown, when registry named neither in a marriage that
 * decides it, and then only the officer's recorded evidence (a marriage certificate seen) carries it
 * ({@link Basis#EVIDENCE}; 422 {@code spouse-evidence-required} without it).
 */
@Component
public class SurvivingSpouse {

    /** What a surviving spouse's claim rests on. */
    public enum Basis {
        REGISTRY, EVIDENCE
    }

    private final SpouseRecords records;

    SurvivingSpouse(SpouseRecords records) {
        this.records = records;
    }

    /**
     * @param deathOf the day of death of a person by personRef, when funeral recorded one (a marriage ends with a
     *        spouse's death)
     */
    public Basis judge(String claimant, String deceased, LocalDate died, String evidence,
            Function<String, Optional<LocalDate>> deathOf) {
        List<SpouseRecords.Marriage> claimants = records.of(claimant);
        List<SpouseRecords.Marriage> withDeceased = claimants.stream().filter(m -> deceased.equals(m.spouse()))
                .toList();
        if (withDeceased.stream().anyMatch(m -> m.inForceOn(died))) {
            return Basis.REGISTRY;
        }
        if (!withDeceased.isEmpty()
                || marriedToAnotherOn(claimants, deceased, died, deathOf)
                || marriedToAnotherOn(records.of(deceased), claimant, died, deathOf)) {
            throw Refusal.rule("not-spouse-at-death").on("idNumber");
        }
        if (evidence == null || evidence.isBlank()) {
            throw Refusal.rule("spouse-evidence-required").on("spouseEvidence");
        }
        return Basis.EVIDENCE;
    }

    /** In force that day with someone other than {@code other}, whose death (if any) came on or after the day. */
    private static boolean marriedToAnotherOn(List<SpouseRecords.Marriage> marriages, String other, LocalDate day,
            Function<String, Optional<LocalDate>> deathOf) {
        return marriages.stream().filter(m -> !other.equals(m.spouse())).filter(m -> m.inForceOn(day))
                .anyMatch(m -> deathOf.apply(m.spouse()).map(spouseDied -> !spouseDied.isBefore(day)).orElse(true));
    }
}
