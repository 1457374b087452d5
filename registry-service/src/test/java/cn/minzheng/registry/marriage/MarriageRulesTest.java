package cn.minzheng.registry.marriage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.testsupport.ProblemBundles;
import cn.minzheng.registry.Parties;
import cn.minzheng.registry.party.Party;

/** Civil Code arts. 1046-1049 as the registry checks them at the window. */
class MarriageRulesTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(10, 0).atZone(BEIJING).toInstant(), BEIJING);

    static String refusal(Party a, Party b, boolean declaration) {
        try {
            Marriage.register("office-1", DivisionCode.of("320404"), a, b, declaration, "r", CLOCK);
            return null;
        } catch (Refusal e) {
            return e.code() + " " + (e.field() == null ? "" : e.field());
        }
    }

    @ParameterizedTest(name = "man born {0}, woman born {1}: {2}")
    @CsvSource({
        // a man is 22 on his birthday, not the day before
        "2004-06-01, 2000-01-01, ",
        "2004-06-02, 2000-01-01, under-age partyA.idNumber",
        // a woman is 20 on her birthday, not the day before
        "1990-01-01, 2006-06-01, ",
        "1990-01-01, 2006-06-02, under-age partyB.idNumber",
        // born on 29 February: 22 on 1 March of a common year is what Period says (the day after 28 Feb)
        "2004-02-29, 2000-01-01, "
    })
    void ages_are_read_from_the_id_numbers_on_the_registration_date(LocalDate man, LocalDate woman, String refused) {
        assertThat(refusal(Parties.man(man), Parties.woman(woman), true)).isEqualTo(refused == null ? null : refused);
    }

    @Test
    void the_under_age_refusal_says_when_the_party_may_marry() {
        assertThatThrownBy(() -> Marriage.register("office-1", DivisionCode.of("320404"), Parties.man(LocalDate.of(2004, 6, 2)),
                Parties.woman(LocalDate.of(2000, 1, 1)), true, "r", CLOCK))
                .isInstanceOfSatisfying(Refusal.class, refusal -> assertThat(ProblemBundles.english(refusal))
                        .contains("21").contains("art. 1047").contains("2026-06-02"));
    }

    @Test
    void two_people_of_the_same_sex_are_refused_with_the_legal_reason() {
        assertThat(refusal(Parties.woman(LocalDate.of(1990, 1, 1)), Parties.woman(LocalDate.of(1991, 1, 1)), true))
                .isEqualTo("same-sex partyB.idNumber");
    }

    @Test
    void the_same_person_twice_is_refused() {
        Party man = Parties.man(LocalDate.of(1990, 1, 1));
        assertThat(refusal(man, man, true)).isEqualTo("same-person partyB.idNumber");
    }

    @Test
    void without_the_signed_declaration_nothing_is_registered() {
        assertThat(refusal(Parties.man(LocalDate.of(1990, 1, 1)), Parties.woman(LocalDate.of(1991, 1, 1)), false))
                .isEqualTo("declaration-required declarationSigned");
    }

    @Test
    void a_registered_marriage_ends_by_death_once_and_only_for_its_parties() {
        Party man = Parties.man(LocalDate.of(1990, 1, 1));
        Marriage marriage = Marriage.register("office-1", DivisionCode.of("320404"), man, Parties.woman(LocalDate.of(1991, 1, 1)),
                true, "r", CLOCK);
        assertThat(marriage.endedByDeath("someone-else", TODAY)).isFalse();
        assertThat(marriage.actions()).containsExactly(Marriage.Action.APPLY_DIVORCE, Marriage.Action.REISSUE);
        assertThat(marriage.endedByDeath(man.personRef(), TODAY)).isTrue();
        assertThat(marriage.actions()).as("an ended marriage is neither divorced nor reissued").isEmpty();
        assertThat(marriage.status()).isEqualTo(Marriage.Status.ENDED_BY_DEATH);
        assertThat(marriage.endedByDeath(man.personRef(), TODAY)).isFalse();
    }
}
