package cn.minzheng.registry.office;

import java.util.List;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Registry offices (collection {@code offices}). */
@Component
public class Offices extends AggregateCollection<Office> {

    Offices(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, Office.class, "offices", "office");
    }

    public List<Office> inDivision(String divisionPrefix) {
        return mongo.find(new Query(Criteria.where("division").regex("^" + divisionPrefix)).with(Sort.by("_id")),
                Office.class, collection);
    }
}
