package cn.minzheng.funeral.cemetery;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.AggregationOperation;
import org.springframework.data.domain.Sort;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Cemeteries (collection {@code cemeteries}). */
@Component
public class Cemeteries extends AggregateCollection<Cemetery> {

    Cemeteries(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Cemetery.class, "cemeteries", "cemetery");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division"), index("division", "plots.termUntil"));
    }

    public List<Cemetery> find(DivisionCode division, long offset, int limit) {
        return page(new Query(within(division)), offset, limit);
    }

    public long count(DivisionCode division) {
        return mongo.count(new Query(within(division)), collection);
    }

    /** A used plot whose term ends by a day, with its cemetery's id and name. */
    public record PlotTerm(String cemeteryId, String cemeteryName, Plot plot) {
    }

    /**
     * A page of the division's used plots whose term ends by the day, soonest first, across cemeteries: the store
     * unwinds only the cemeteries with such a plot (a multikey index on {@code division, plots.termUntil}) and
     * returns the page's plots, not whole cemeteries.
     */
    public List<PlotTerm> termsEndingBy(DivisionCode division, LocalDate day, long offset, int limit) {
        List<AggregationOperation> operations = new ArrayList<>(termsEnding(division, day));
        operations.add(Aggregation.sort(Sort.by("plots.termUntil", "_id", "plots._id")));
        operations.add(Aggregation.skip(offset));
        operations.add(Aggregation.limit(limit));
        return mongo.aggregate(Aggregation.newAggregation(Cemetery.class, operations), collection, Document.class)
                .getMappedResults().stream().map(row -> new PlotTerm(row.getString("_id"), row.getString("name"),
                        mongo.getConverter().read(Plot.class, row.get("plots", Document.class))))
                .toList();
    }

    public long countTermsEndingBy(DivisionCode division, LocalDate day) {
        List<AggregationOperation> operations = new ArrayList<>(termsEnding(division, day));
        operations.add(Aggregation.group().count().as("n"));
        Document counted = mongo.aggregate(Aggregation.newAggregation(Cemetery.class, operations), collection,
                Document.class).getUniqueMappedResult();
        return counted == null ? 0 : ((Number) counted.get("n")).longValue();
    }

    private static List<AggregationOperation> termsEnding(DivisionCode division, LocalDate day) {
        Criteria used = Criteria.where("status").is(Plot.Status.USED).and("termUntil").lte(day);
        return List.of(Aggregation.match(within(division).and("plots").elemMatch(used)),
                Aggregation.project("name", "plots"), Aggregation.unwind("plots"),
                Aggregation.match(Criteria.where("plots.status").is(Plot.Status.USED).and("plots.termUntil").lte(day)));
    }
}
