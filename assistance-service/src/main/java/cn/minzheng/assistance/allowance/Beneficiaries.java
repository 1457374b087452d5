package cn.minzheng.assistance.allowance;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** People with category allowances (collection {@code beneficiaries}, id = personRef). */
@Component
public class Beneficiaries extends AggregateCollection<Beneficiary> {

    private static final int BATCH = 500;

    Beneficiaries(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Beneficiary.class, "beneficiaries", "beneficiary");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "allowances.programme", "allowances.status"));
    }

    /** Every beneficiary of a division, streamed in batches (payroll, the daily sweep, statistics). */
    public Stream<Beneficiary> inDivision(DivisionCode division) {
        return mongo.stream(new Query(within(division)).cursorBatchSize(BATCH), Beneficiary.class, collection);
    }

    public List<Beneficiary> find(DivisionCode division, AllowanceProgramme programme, Allowance.Status status,
            long offset, int limit) {
        return page(filter(division, programme, status), offset, limit);
    }

    public long count(DivisionCode division, AllowanceProgramme programme, Allowance.Status status) {
        return mongo.count(filter(division, programme, status), collection);
    }

    /** By personRef: the citizen's own and their household's minors. */
    public List<Beneficiary> all(Collection<String> personRefs) {
        return mongo.find(new Query(Criteria.where("_id").in(personRefs)), Beneficiary.class, collection);
    }

    private static Query filter(DivisionCode division, AllowanceProgramme programme, Allowance.Status status) {
        Query query = new Query(within(division));
        if (programme != null || status != null) {
            Criteria element = new Criteria();
            if (programme != null) {
                element = element.and("programme").is(programme);
            }
            if (status != null) {
                element = element.and("status").is(status);
            }
            query.addCriteria(Criteria.where("allowances").elemMatch(element));
        }
        return query;
    }
}
