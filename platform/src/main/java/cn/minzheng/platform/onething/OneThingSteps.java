package cn.minzheng.platform.onething;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;

/** An office's reports for after-death cases (collection {@code one_thing_steps}, by {@code _id} only). */
public class OneThingSteps extends AggregateCollection<OneThingStep> {

    OneThingSteps(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, OneThingStep.class, "one_thing_steps", "one-thing-step");
    }
}
