package cn.minzheng.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The architecture every service keeps (STYLE.md, DESIGN.md §8). A service applies all of it with
 * {@code @ArchTest static final ArchTests architecture = ArchTests.in(ServiceArchitecture.class);}.
 */
public final class ServiceArchitecture {

    private static final String WEB = "..web..";
    private static final String MESSAGING = "..messaging..";

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
     * the platform's {@code problem} package). The Spring Boot main class alone is exempt (it wires everything).
     */
    @ArchTest
    static final ArchRule domain_is_free_of_web_and_messaging = noClasses()
            .that(not(resideInAnyPackage(WEB, MESSAGING)))
            .and().areNotAnnotatedWith("org.springframework.boot.autoconfigure.SpringBootApplication")
            .should().dependOnClassesThat().resideInAnyPackage(WEB, MESSAGING, "org.springframework.web..",
                    "org.springframework.http..", "cn.minzheng.platform.problem..", "org.springframework.kafka..",
                    "jakarta.servlet..", "org.apache.kafka..")
            .allowEmptyShould(true)
            .because("domain code is tested and changed without HTTP or Kafka in mind");

    private static String serviceOf(String packageName) {
        String rest = packageName.substring("cn.minzheng.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
