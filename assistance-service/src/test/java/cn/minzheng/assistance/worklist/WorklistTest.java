package cn.minzheng.assistance.worklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.platform.security.Caller;

/**
 * Whose work each list is: the township reviews, the county decides terminations, both watch notices and reviews; a
 * child director works her own children and their overdue visits, which the township watches too.
 */
class WorklistTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "township-officer | APPLICATIONS_TO_REVIEW APPLICATIONS_ON_NOTICE REVIEWS_DUE VISITS_OVERDUE",
        "county-approver  | APPLICATIONS_ON_NOTICE REVIEWS_DUE TERMINATIONS_TO_DECIDE",
        "child-director   | CHILDREN_ASSIGNED VISITS_OVERDUE",
        "auditor          | ''",
        "registrar        | ''"
    })
    void each_role_has_its_own_lists(String role, String lists) {
        Caller caller = new Caller("someone", java.util.Set.of(role), java.util.Optional.of("320404001"), java.util.Optional.empty());
        assertThat(Arrays.stream(Worklist.values()).filter(list -> list.isWorkOf(caller)).map(Enum::name).toList())
                .containsExactlyElementsOf(lists.isBlank() ? List.of() : List.of(lists.split(" ")));
    }
}
