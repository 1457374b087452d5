package cn.minzheng.funeral.onething;

import java.time.Clock;

import cn.minzheng.funeral.death.CauseCategory;
import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.personal.ProtectedIdNumber;

import org.springframework.stereotype.Service;

/**
 * Opening a case, in an order that can be repeated: the death (recorded now with the case id, or the one recorded
 * earlier through POST /deaths, linked), then the case. Both ids derive from the personRef, so a second application
 * for the same person, or a retry after a crash, finds what the first made.
 */
@Service
public class CaseService {

    private final Deaths deaths;
    private final OneThingCases cases;
    private final Clock clock;

    CaseService(Deaths deaths, OneThingCases cases, Clock clock) {
        this.deaths = deaths;
        this.cases = cases;
        this.clock = clock;
    }

    /** The deceased as the application describes them. */
    public record Deceased(ProtectedIdNumber idNumber, String name, java.time.LocalDate dateOfDeath, String place,
            CauseCategory cause, DivisionCode residenceDivision) {
    }

    public OneThingCase open(Deceased deceased, String applicantRef, String applicantName, String relation,
            String by, String callbackUrl, String callbackClient) {
        String personRef = deceased.idNumber().personRef();
        String caseId = OneThingCase.idFor(personRef);
        var existing = cases.find(caseId);
        if (existing.isPresent()) {
            return existing.get();
        }
        Death death = deaths.find(Death.idFor(personRef)).orElseGet(() -> {
            Death recorded = Death.record(deceased.idNumber(), deceased.name(), deceased.dateOfDeath(),
                    deceased.place(), deceased.cause(), deceased.residenceDivision(),
                    deceased.residenceDivision().county(), "one-thing", caseId, by, clock);
            return deaths.insertIfAbsent(recorded) ? recorded : deaths.get(recorded.id());
        });
        if (death.isRetracted()) {
            throw cn.minzheng.platform.refusal.Refusal.conflict("death-retracted", death.id());
        }
        OneThingCase opened = OneThingCase.open(personRef, death.id(), death.dateOfDeath(),
                death.residenceDivision(), applicantRef, applicantName, relation, by, callbackUrl, callbackClient,
                clock);
        return cases.insertIfAbsent(opened) ? opened : cases.get(caseId);
    }
}
