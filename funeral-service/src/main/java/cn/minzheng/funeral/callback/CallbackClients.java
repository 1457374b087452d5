package cn.minzheng.funeral.callback;

import cn.minzheng.platform.events.AggregateCollection;
import cn.minzheng.platform.events.OutboxWrites;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Callback registrations (collection {@code callback_clients}, by {@code _id} only). */
@Component
public class CallbackClients extends AggregateCollection<CallbackClient> {

    CallbackClients(MongoTemplate mongo, OutboxWrites writes) {
        super(mongo, writes, CallbackClient.class, "callback_clients", "callback-client");
    }
}
