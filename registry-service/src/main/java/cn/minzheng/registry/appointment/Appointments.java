package cn.minzheng.registry.appointment;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.LocalDate;
import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.identity.DivisionCode;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Appointments (collection {@code appointments}). */
@Component
public class Appointments extends AggregateCollection<Appointment> {

    Appointments(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Appointment.class, "appointments", "appointment");
    }

    /** One index per query shape below that does not go by {@code _id}. */
    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "date", "status"), index("officeId", "date"),
                index("person.idNumber.personRef"));
    }

    public List<Appointment> of(String personRef) {
        return mongo.find(new Query(Criteria.where("person.idNumber.personRef").is(personRef))
                .with(Sort.by("date", "_id")), Appointment.class, collection);
    }

    public List<Appointment> atOffice(String officeId, LocalDate date) {
        return mongo.find(new Query(Criteria.where("officeId").is(officeId).and("date").is(date))
                .with(Sort.by("slot", "_id")), Appointment.class, collection);
    }

    /** The day's bookings at several offices (a registrar's offices), by office and slot. */
    public List<Appointment> atOffices(List<String> officeIds, LocalDate date) {
        return mongo.find(new Query(Criteria.where("officeId").in(officeIds).and("date").is(date))
                .with(Sort.by("officeId", "slot", "_id")), Appointment.class, collection);
    }

    public long count(DivisionCode division, LocalDate from, LocalDate to, Appointment.Status status) {
        Query query = new Query(within(division).and("date").gte(from).lte(to));
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        return mongo.count(query, collection);
    }

    /** Undoes an insert whose booking lost the one-per-person race (it never held a place for anyone). */
    void discard(String id) {
        mongo.remove(new Query(Criteria.where("_id").is(id)), collection);
    }
}
