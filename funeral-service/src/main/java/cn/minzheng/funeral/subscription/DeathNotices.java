package cn.minzheng.funeral.subscription;

import java.time.Clock;

import cn.minzheng.funeral.death.Death;
import cn.minzheng.funeral.death.Deaths;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

/**
 * A death recorded or retracted becomes a notice on every active subscription covering its household-registration
 * division, each a conditional write of that subscription (a concurrent change: read again and retry). The death is
 * read from this service's store for the name and masked ID number the notice carries (never the full number).
 */
@Service
public class DeathNotices {

    private final DeathSubscriptions subscriptions;
    private final Deaths deaths;
    private final Clock clock;

    DeathNotices(DeathSubscriptions subscriptions, Deaths deaths, Clock clock) {
        this.subscriptions = subscriptions;
        this.deaths = deaths;
        this.clock = clock;
    }

    public void changed(String change, String deathId) {
        var found = deaths.find(deathId);
        if (found.isEmpty()) {
            return;
        }
        Death death = found.get();
        for (DeathSubscription subscription : subscriptions.active()) {
            addTo(subscription.id(), change, death);
        }
    }

    private void addTo(String subscriptionId, String change, Death death) {
        for (int attempt = 1; ; attempt++) {
            DeathSubscription subscription = subscriptions.get(subscriptionId);
            DivisionCode residence = death.residenceDivision();
            if (!subscription.notice(change, death.id(), death.personRef(), death.idNumber().masked(), death.name(),
                    death.dateOfDeath().toString(), residence, clock)) {
                return;
            }
            try {
                subscriptions.save(subscription);
                return;
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == 5) {
                    throw concurrent;
                }
            }
        }
    }
}
