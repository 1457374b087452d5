package cn.minzheng.eldercare.support;

import java.time.Clock;
import java.time.LocalDate;

import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.resident.Resident;
import cn.minzheng.eldercare.resident.Residents;

import org.springframework.stereotype.Component;

/**
 * 特困 集中供养: an extremely poor person supported in a care home. The link is this service's projection of
 * assistance's events (TEKUN as of today) meeting the resident record by personRef; nothing is asked of
 * assistance-service.
 */
@Component
public class CentralisedSupport {

    /** A care home's residents are counted up to this many; more is not a county's single home. */
    private static final int MOST = 10_000;

    private final AssistanceStatus assistance;
    private final Residents residents;
    private final Clock clock;

    CentralisedSupport(AssistanceStatus assistance, Residents residents, Clock clock) {
        this.assistance = assistance;
        this.residents = residents;
        this.clock = clock;
    }

    public boolean of(Resident resident) {
        return assistance.on(resident.elder().personRef(), LocalDate.now(clock))
                .contains(AssistanceStatus.Programme.TEKUN);
    }

    public long residentsOf(Facility facility) {
        if (!facility.type().residential()) {
            return 0;
        }
        return residents.admittedAt(facility.id(), 0, MOST).stream().filter(this::of).count();
    }
}
