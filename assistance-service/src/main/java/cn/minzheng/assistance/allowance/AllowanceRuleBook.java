package cn.minzheng.assistance.allowance;

import java.time.YearMonth;
import java.util.Optional;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Every county's allowance rules (collection {@code allowance_rules}, id = county code; read by {@code _id}). */
@Component
public class AllowanceRuleBook extends AggregateCollection<AllowanceRules> {

    AllowanceRuleBook(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, AllowanceRules.class, "allowance_rules", "allowance-rules");
    }

    /** Every county that has rules (a few documents, one per county). */
    public java.util.List<AllowanceRules> all() {
        return mongo.findAll(AllowanceRules.class, collection);
    }

    /** The version in force in a county for a month, if the county has approved any. */
    public Optional<RuleVersion> inForce(String county, YearMonth month) {
        return find(county).flatMap(rules -> rules.inForce(month));
    }
}
