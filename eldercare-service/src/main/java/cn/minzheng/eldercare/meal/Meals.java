package cn.minzheng.eldercare.meal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.eldercare.death.Deaths;
import cn.minzheng.eldercare.facility.Facilities;
import cn.minzheng.eldercare.facility.Facility;
import cn.minzheng.eldercare.support.AssistanceStatus;
import cn.minzheng.platform.identity.ResidentIdNumber;
import cn.minzheng.platform.personal.PersonalDataCipher;
import cn.minzheng.platform.personal.ProtectedIdNumber;
import cn.minzheng.platform.refusal.Refusal;
import cn.minzheng.platform.store.CollectionIndexes;
import cn.minzheng.platform.store.DeclaresIndexes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Meal assistance records (collection {@code meals}). Recording is one insert by {@code _id}: a retry at the same
 * point gets the first record back, the same meal at another point is 409 naming the first point, and nothing
 * needs a transaction or a secondary index on the hot path.
 */
@Component
public class Meals implements DeclaresIndexes {

    static final String COLLECTION = "meals";

    private final MongoTemplate mongo;
    private final Facilities facilities;
    private final AssistanceStatus assistance;
    private final Deaths deaths;
    private final MealSubsidyRules rules;
    private final PersonalDataCipher cipher;
    private final Clock clock;

    Meals(MongoTemplate mongo, Facilities facilities, AssistanceStatus assistance, MealSubsidyRules rules,
            PersonalDataCipher cipher, Deaths deaths, Clock clock) {
        this.deaths = deaths;
        this.mongo = mongo;
        this.facilities = facilities;
        this.assistance = assistance;
        this.rules = rules;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Override
    public CollectionIndexes indexDeclaration() {
        return DeclaresIndexes.indexes(COLLECTION, DeclaresIndexes.index("mealPointId", "date"),
                DeclaresIndexes.index("idNumber.personRef", "date"), DeclaresIndexes.index("division", "date"));
    }

    /** A meal record, and whether this call created it (false: the same meal at the same point, recorded before). */
    public record Served(MealRecord meal, boolean created) {
    }

    public Served record(Facility point, ResidentIdNumber idNumber, String name, LocalDate date,
            MealRecord.Meal meal, String by) {
        if (!point.type().servesMeals()) {
            throw Refusal.rule("not-a-meal-point", point.name(), Refusal.term("facility." + point.type()));
        }
        if (date.isAfter(LocalDate.now(clock))) {
            throw Refusal.invalid("date-not-past", date).on("date");
        }
        ProtectedIdNumber protectedId = ProtectedIdNumber.protect(idNumber, cipher);
        String id = MealRecord.id(protectedId.personRef(), date, meal);
        MealRecord existing = mongo.findById(id, MealRecord.class, COLLECTION);
        if (existing != null) {
            return repeated(existing, point);
        }
        deaths.requireAliveOn(protectedId.personRef(), date, "idNumber");
        MealSubsidyRules.County county = rules.of(point.division());
        int age = idNumber.ageOn(date);
        List<AssistanceStatus.Programme> supported = assistance.on(protectedId.personRef(), date);
        if (age < county.youngestEligibleAge() && supported.isEmpty()) {
            throw Refusal.rule("meal-not-eligible", age, county.youngestEligibleAge()).on("idNumber");
        }
        BigDecimal byAge = county.forAge(age);
        BigDecimal byAssistance = county.forAssistance(supported);
        MealRecord record = new MealRecord(id, protectedId, name, point.id(), point.division(), date, meal, age,
                supported, byAge, byAssistance, county.combine(byAge, byAssistance), by, clock.instant());
        try {
            mongo.insert(record, COLLECTION);
            return new Served(record, true);
        } catch (DuplicateKeyException recordedMeanwhile) {
            return repeated(mongo.findById(id, MealRecord.class, COLLECTION), point);
        }
    }

    private Served repeated(MealRecord first, Facility point) {
        if (first.mealPointId().equals(point.id())) {
            return new Served(first, false);
        }
        String where = facilities.find(first.mealPointId()).map(Facility::name).orElse(first.mealPointId());
        throw Refusal.conflict("meal-already-served", Refusal.term("meal." + first.meal()), first.date(), where);
    }

    /** A point's meals of a day: counts per meal, people and the subsidy. */
    public record DailyTotals(String mealPointId, LocalDate date, Map<MealRecord.Meal, Long> meals, long people,
            BigDecimal subsidy) {
    }

    public DailyTotals totals(String pointId, LocalDate date) {
        List<MealRecord> day = mongo.find(new Query(Criteria.where("mealPointId").is(pointId).and("date").is(date)),
                MealRecord.class, COLLECTION);
        Map<MealRecord.Meal, Long> counts = new EnumMap<>(MealRecord.Meal.class);
        for (MealRecord.Meal meal : MealRecord.Meal.values()) {
            counts.put(meal, day.stream().filter(m -> m.meal() == meal).count());
        }
        return new DailyTotals(pointId, date, counts, day.stream().map(m -> m.idNumber().personRef()).distinct()
                .count(), day.stream().map(MealRecord::subsidy).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    /** A person's meals between two days, newest first. */
    public List<MealRecord> of(String personRef, LocalDate from, LocalDate to) {
        return mongo.find(new Query(Criteria.where("idNumber.personRef").is(personRef).and("date").gte(from).lte(to))
                .with(Sort.by(Sort.Direction.DESC, "date")), MealRecord.class, COLLECTION);
    }
}
