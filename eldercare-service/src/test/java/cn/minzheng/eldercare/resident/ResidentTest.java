package cn.minzheng.eldercare.resident;

import static cn.minzheng.testsupport.Refusals.refusalOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minzheng.eldercare.facility.BedType;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.facility.FacilityType;
import cn.minzheng.eldercare.facility.Ownership;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.PersonalDataProperties;
import cn.minzheng.testsupport.TestIdNumbers;

/**
 * Issue 30.12: a resident's own rules: admitted with an assessment whose care level follows the ability, reassessed
 * and discharged only on days of the stay, and discharged once (a second discharge says when and why the first was).
 */
class ResidentTest {

    static final PersonalDataCipher CIPHER = new PersonalDataCipher(new PersonalDataProperties("test",
            Base64.getEncoder().encodeToString(new byte[32]), Map.of(),
            Base64.getEncoder().encodeToString("index-key-for-tests-only".getBytes())));
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Resident admitted(AbilityLevel ability) {
        Facility home = Facility.register(null, "安康护理院", FacilityType.CARE_HOME, Ownership.PUBLIC, null, null,
                DivisionCode.of("320404003"), null, 40, 30, "officer", CLOCK);
        Elder elder = Elder.of(ResidentIdNumber.of(TestIdNumbers.female("320404", LocalDate.of(1940, 2, 2))), "李阿婆",
                CIPHER);
        return Resident.admit(home, elder, ability, BedType.NURSING, "officer", CLOCK);
    }

    @Test
    void the_care_level_follows_the_latest_assessment() {
        Resident resident = admitted(AbilityLevel.MILD);
        assertThat(resident.careLevel()).isEqualTo(AbilityLevel.CareLevel.LEVEL_1);
        assertThat(resident.registeredEvents()).singleElement()
                .satisfies(e -> assertThat(e.type()).endsWith("resident.admitted.v1"));

        resident.reassess(AbilityLevel.SEVERE, TODAY, "assessor", CLOCK);

        assertThat(resident.careLevel()).isEqualTo(AbilityLevel.CareLevel.LEVEL_3);
        assertThat(refusalOf(() -> resident.reassess(AbilityLevel.MILD, TODAY.minusDays(1), "assessor", CLOCK)))
                .isEqualTo("date-outside-stay assessedOn");
    }

    @Test
    void a_stay_ends_once_on_a_day_of_the_stay() {
        Resident resident = admitted(AbilityLevel.MODERATE);
        assertThat(resident.actions()).containsExactly(Resident.Action.REASSESS, Resident.Action.DISCHARGE);
        assertThat(refusalOf(() -> resident.discharge("HOME", TODAY.plusDays(1), "officer", CLOCK)))
                .isEqualTo("date-outside-stay date");

        resident.discharge("DECEASED", TODAY, "event:death-1", CLOCK);

        assertThat(resident.status()).isEqualTo(Resident.Status.DISCHARGED);
        assertThat(resident.actions()).as("nothing more to do with an ended stay").isEmpty();
        assertThat(refusalOf(() -> resident.discharge("HOME", TODAY, "officer", CLOCK))).isEqualTo("already-discharged");
        assertThat(refusalOf(() -> resident.reassess(AbilityLevel.MILD, TODAY, "assessor", CLOCK)))
                .isEqualTo("already-discharged");
    }
}
