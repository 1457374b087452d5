package cn.minzheng.eldercare.serviceorder;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.eldercare.death.Deaths;
import cn.minzheng.eldercare.resident.Elder;
import cn.minzheng.eldercare.support.AssistanceStatus;
import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Home-care service orders (collection {@code service_orders}) and the county's rule of who may have them: aged
 * {@code minimum-age} or more on the planned day, supported by 低保 or 特困 that day (this service's projection of
 * assistance's events), or disabled.
 */
@Component
public class ServiceOrders extends AggregateCollection<ServiceOrder> {

    private final AssistanceStatus assistance;
    private final Deaths deaths;
    private final int minimumAge;
    private final BigDecimal subsidyPerHour;
    private final Clock clock;

    ServiceOrders(MongoTemplate mongo, OutboxWrites writes, AssistanceStatus assistance, Deaths deaths,
            @Value("${minzheng.eldercare.home-care.minimum-age:80}") int minimumAge,
            @Value("${minzheng.eldercare.home-care.subsidy-per-hour:30.00}") BigDecimal subsidyPerHour, Clock clock) {
        super(mongo, writes, ServiceOrder.class, "service_orders", "service-order");
        this.assistance = assistance;
        this.deaths = deaths;
        this.minimumAge = minimumAge;
        this.subsidyPerHour = subsidyPerHour;
        this.clock = clock;
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("elder.idNumber.personRef", "status"), index("provider", "plannedOn"),
                index("division", "plannedOn"), index("status", "division", "plannedOn"));
    }

    public ServiceOrder order(Elder elder, DivisionCode division, boolean disabled, ServiceType type,
            CreditCode provider, String providerName, LocalDate plannedOn, BigDecimal hours, String by) {
        deaths.requireAliveOn(elder.personRef(), plannedOn, "idNumber");
        List<ServiceOrder.Ground> grounds = new ArrayList<>();
        if (elder.ageOn(plannedOn) >= minimumAge) {
            grounds.add(ServiceOrder.Ground.AGE_80);
        }
        if (!assistance.on(elder.personRef(), plannedOn).isEmpty()) {
            grounds.add(ServiceOrder.Ground.ASSISTANCE);
        }
        if (disabled) {
            grounds.add(ServiceOrder.Ground.DISABILITY);
        }
        ServiceOrder order = ServiceOrder.order(elder, division, provider, providerName, type, plannedOn, hours,
                subsidyPerHour, grounds, by);
        insert(order);
        return order;
    }

    public ServiceOrder prove(ServiceOrder order, Instant checkIn, Instant checkOut, String place,
            boolean elderConfirmed, String photoSha256, String by) {
        order.prove(checkIn, checkOut, place, elderConfirmed, photoSha256, by, clock);
        save(order);
        return order;
    }

    public ServiceOrder reimburse(ServiceOrder order, String by) {
        order.reimburse(by, clock);
        save(order);
        return order;
    }

    /** A recorded death closes the person's orders not yet served (0 on a repeat). */
    public int deceased(String personRef) {
        int closed = 0;
        for (ServiceOrder order : mongo.find(new Query(Criteria.where("elder.idNumber.personRef").is(personRef)
                .and("status").is(ServiceOrder.Status.ORDERED)), ServiceOrder.class, collection)) {
            if (order.cancel("DECEASED")) {
                save(order);
                closed++;
            }
        }
        return closed;
    }

    /** A page of the division's orders (of one status, when given), the latest planned first. */
    public List<ServiceOrder> page(DivisionCode division, ServiceOrder.Status status, long offset, int limit) {
        return latestFirst(within(division, "status", status), "plannedOn", offset, limit);
    }

    public long count(DivisionCode division, ServiceOrder.Status status) {
        return count(within(division, "status", status));
    }

    public List<ServiceOrder> of(String personRef) {
        return mongo.find(new Query(Criteria.where("elder.idNumber.personRef").is(personRef)).with(Sort.by(
                Sort.Direction.DESC, "plannedOn")), ServiceOrder.class, collection);
    }

    /** A provider's orders planned in a month: the base of its monthly reimbursement statement. */
    public List<ServiceOrder> ofProvider(CreditCode provider, YearMonth month) {
        return mongo.find(new Query(Criteria.where("provider").is(provider.value()).and("plannedOn")
                .gte(month.atDay(1)).lte(month.atEndOfMonth())).with(Sort.by("plannedOn", "_id")), ServiceOrder.class,
                collection);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }
}
