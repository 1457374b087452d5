package cn.minzheng.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import cn.minzheng.platform.events.DomainEvent;

/**
 * The architecture every service keeps (STYLE.md, DESIGN.md §8). A service applies all of it with
 * {@code @ArchTest static final ArchTests architecture = ArchTests.in(ServiceArchitecture.class);}.
 */
public final class ServiceArchitecture {

    private static final String WEB = "..web..";
    private static final String MESSAGING = "..messaging..";

    /** An event record, or a record nested in one (a part of its data). */
    private static final DescribedPredicate<JavaClass> EVENT_DATA = new DescribedPredicate<>("event data") {
        @Override
        public boolean test(JavaClass type) {
            return type.isAssignableTo(DomainEvent.class)
                    || type.getEnclosingClass().map(outer -> outer.isAssignableTo(DomainEvent.class)).orElse(false);
        }
    };

    private ServiceArchitecture() {
    }

    /** A service uses its own code, the platform library and third-party libraries: never another service. */
    @ArchTest
    static final ArchRule uses_no_other_service = classes().that().resideInAPackage("cn.minzheng..")
            .should(new ArchCondition<>("depend on no other service's code") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String own = serviceOf(item.getPackageName());
                    item.getDirectDependenciesFromSelf().forEach(dependency -> {
                        String target = dependency.getTargetClass().getPackageName();
                        if (target.startsWith("cn.minzheng.") && !serviceOf(target).equals(own)
                                && !target.startsWith("cn.minzheng.platform")) {
                            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                        }
                    });
                }
            })
            .because("services share no code but the platform library, and talk only through events and APIs");

    /**
     * Aggregates and rules know nothing of HTTP or Kafka; the web and messaging packages translate. A domain
     * refusal is a {@code Refusal} with a code; only the web layer knows statuses ({@code org.springframework.http},
     * the platform's {@code problem} package). The one thing of {@code messaging} an aggregate uses is the record of
     * an event it announces ({@link DomainEvent}), which is plain data. The Spring Boot main class alone is exempt
     * (it wires everything).
     */
    @ArchTest
    static final ArchRule domain_is_free_of_web_and_messaging = noClasses()
            .that(not(resideInAnyPackage(WEB, MESSAGING)))
            .and().areNotAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
            .should().dependOnClassesThat(resideInAnyPackage(WEB, MESSAGING, "org.springframework.web..",
                    "org.springframework.http..", "cn.minzheng.platform.problem..", "org.springframework.kafka..",
                    "jakarta.servlet..", "org.apache.kafka..").and(not(EVENT_DATA)))
            .allowEmptyShould(true)
            .because("domain code is tested and changed without HTTP or Kafka in mind");

    /** Events are records in the producer's messaging package (STYLE.md §6), with their type beside them. */
    @ArchTest
    static final ArchRule events_are_records_in_messaging = classes().that().implement(DomainEvent.class)
            .should().beRecords().andShould().resideInAPackage(MESSAGING)
            .allowEmptyShould(true)
            .because("a newcomer finds every event a feature publishes in its messaging package");

    /** Every CSV goes through the platform's writer, which neutralises what a spreadsheet would run (OWASP). */
    @ArchTest
    static final ArchRule csv_through_the_platforms_writer = noClasses().should().dependOnClassesThat()
            .haveFullyQualifiedName("org.apache.commons.csv.CSVPrinter")
            .because("a CSV written another way could carry a formula into the reader's spreadsheet");

    /** A call of {@code java.time}'s {@code now()} without a clock: the system's time, not the service's. */
    public static final DescribedPredicate<com.tngtech.archunit.core.domain.JavaMethodCall> NOW_WITHOUT_A_CLOCK =
            new DescribedPredicate<>("now() without a clock") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                    return call.getTarget().getName().equals("now")
                            && call.getTarget().getRawParameterTypes().isEmpty()
                            && call.getTarget().getOwner().getPackageName().equals("java.time");
                }
            };

    /** One clock (DESIGN.md, time): dev clocks, tests and legal dates all depend on the service's {@code Clock}. */
    @ArchTest
    static final ArchRule reads_time_from_the_service_clock = noClasses().should().callMethodWhere(NOW_WITHOUT_A_CLOCK)
            .because("a day read from the system clock disagrees with the service's clock in tests, in dev and "
                    + "wherever the clock is moved");

    private static String serviceOf(String packageName) {
        String rest = packageName.substring("cn.minzheng.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
