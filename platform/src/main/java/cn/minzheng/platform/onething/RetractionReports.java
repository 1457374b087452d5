package cn.minzheng.platform.onething;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;

/** An office's reports on retracted deaths (collection {@code retraction_reports}, by {@code _id} only). */
public class RetractionReports extends AggregateCollection<RetractionReport> {

    RetractionReports(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, RetractionReport.class, "retraction_reports", "retraction-report");
    }
}
