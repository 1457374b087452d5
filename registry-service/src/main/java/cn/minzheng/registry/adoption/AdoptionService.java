package cn.minzheng.registry.adoption;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.minzheng.platform.time.LegalCalendar;
import cn.minzheng.registry.certificate.CertificateNumbers;
import cn.minzheng.registry.death.Deaths;
import cn.minzheng.registry.marriage.MarriageService;
import cn.minzheng.registry.office.Office;
import cn.minzheng.registry.party.Party;

import org.springframework.stereotype.Service;

/** Gathers what the rules need from the registry's own records (marriages, earlier adoptions) and registers. */
@Service
public class AdoptionService {

    private final Adoptions adoptions;
    private final MarriageService marriages;
    private final CertificateNumbers numbers;
    private final LegalCalendar calendar;
    private final Deaths deaths;
    private final Clock clock;

    AdoptionService(Adoptions adoptions, MarriageService marriages, CertificateNumbers numbers, LegalCalendar calendar,
            Deaths deaths, Clock clock) {
        this.adoptions = adoptions;
        this.deaths = deaths;
        this.marriages = marriages;
        this.numbers = numbers;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** An adopter as the command names them: the person and the children they declare. */
    public record NamedAdopter(Party party, int childrenCount) {
    }

    public Adoption register(Office office, List<NamedAdopter> named, Party child, ChildStatus status,
            boolean disabled, boolean inWelfareInstitution, boolean consented, boolean assessmentCompleted,
            LocalDate noticeFrom, String by) {
        office.requireRegistersOn(LocalDate.now(clock), calendar);
        for (int i = 0; i < named.size(); i++) {
            deaths.requireAlive(named.get(i).party(), "adopters[" + i + "].idNumber");
        }
        deaths.requireAlive(child, "child.idNumber");
        List<AdoptionCase.Adopter> adopters = named.stream().map(a -> new AdoptionCase.Adopter(a.party(),
                (int) Math.max(a.childrenCount(), adoptions.byAdopter(a.party().personRef())),
                marriages.currentMarriage(a.party().personRef()).orElse(null))).toList();
        AdoptionCase accepted = new AdoptionCase(adopters, child, status, disabled, inWelfareInstitution, consented,
                assessmentCompleted, noticeFrom);
        AdoptionRules.check(accepted, LocalDate.now(clock), calendar);
        Adoption adoption = Adoption.register(office.id(), office.division(), accepted,
                named.stream().map(NamedAdopter::childrenCount).toList(), by, clock);
        adoption.certify(numbers.issue(CertificateNumbers.Kind.ADOPTION, office.code(),
                adoption.registeredOn().getYear(), adoption.id()), clock);
        adoptions.insert(adoption);
        return adoption;
    }
}
