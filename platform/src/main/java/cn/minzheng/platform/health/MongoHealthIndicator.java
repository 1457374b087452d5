package cn.minzheng.platform.health;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Replaces Spring Boot's MongoDB indicator (bean name {@code mongoHealthIndicator}, so Boot's backs off): Boot's
 * sends {@code hello}, which the embedded MongoDB-wire server does not know; {@code ping} works on it and on a real
 * replica set alike.
 */
@Component("mongoHealthIndicator")
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.status(answer.get("ok") instanceof Number ok && ok.doubleValue() == 1.0 ? "UP" : "DOWN")
                .withDetail("database", mongo.getDb().getName());
    }
}
