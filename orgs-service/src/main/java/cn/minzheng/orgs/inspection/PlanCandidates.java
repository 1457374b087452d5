package cn.minzheng.orgs.inspection;

import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The ordered candidate list of each draw (collection {@code plan_candidates}, by id {@code <planId>#<draw>}),
 * published so that anyone can re-run the draw. Kept apart from the plan: a province's list is megabytes, and
 * the plan is read far more often than its candidates.
 */
@Component
public class PlanCandidates {

    private static final String COLLECTION = "plan_candidates";

    private final MongoTemplate mongo;

    PlanCandidates(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Written before the plan that names the draw, so a published draw always has its list. */
    void store(String planId, int draw, List<String> creditCodes, List<String> charities) {
        mongo.save(new Document("_id", planId + "#" + draw).append("planId", planId).append("draw", draw)
                .append("creditCodes", creditCodes).append("charities", charities), COLLECTION);
    }

    /** The candidates of a draw, and which of them are recognised charities (public facts both). */
    public record Candidates(List<String> creditCodes, List<String> charities) {
    }

    public Candidates of(String planId, int draw) {
        Document document = mongo.findById(planId + "#" + draw, Document.class, COLLECTION);
        return document == null ? new Candidates(List.of(), List.of())
                : new Candidates(document.getList("creditCodes", String.class),
                        document.getList("charities", String.class));
    }
}
