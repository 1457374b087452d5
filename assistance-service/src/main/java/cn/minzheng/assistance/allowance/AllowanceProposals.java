package cn.minzheng.assistance.allowance;

import static cn.minzheng.platform.store.DeclaresIndexes.index;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;
import cn.minzheng.platform.identity.DivisionCode;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Proposed enrolments (collection {@code allowance_proposals}); the worklist is by division and status. */
@Component
public class AllowanceProposals extends AggregateCollection<AllowanceProposal> {

    AllowanceProposals(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, AllowanceProposal.class, "allowance_proposals", "allowance-proposal");
    }

    @Override
    protected List<Index> indexes() {
        return List.of(index("division", "status", "programme"), index("status"));
    }

    public List<AllowanceProposal> find(DivisionCode division, AllowanceProposal.Status status,
            AllowanceProgramme programme, long offset, int limit) {
        return page(filter(division, status, programme), offset, limit);
    }

    public long count(DivisionCode division, AllowanceProposal.Status status, AllowanceProgramme programme) {
        return mongo.count(filter(division, status, programme), collection);
    }

    private static Query filter(DivisionCode division, AllowanceProposal.Status status,
            AllowanceProgramme programme) {
        Query query = new Query(within(division));
        if (status != null) {
            query.addCriteria(Criteria.where("status").is(status));
        }
        if (programme != null) {
            query.addCriteria(Criteria.where("programme").is(programme));
        }
        return query;
    }
}
