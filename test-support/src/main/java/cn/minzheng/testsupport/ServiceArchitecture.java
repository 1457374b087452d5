package cn.minzheng.testsupport;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * The architecture every service keeps (STYLE.md, DESIGN.md §8), as ArchUnit rules a service's test applies to its
 * own root package.
 */
public final class ServiceArchitecture {

    private static final String WEB = "..web..";
    private static final String MESSAGING = "..messaging..";

    private ServiceArchitecture() {
    }

    /** A service uses its own code, the platform library and third-party libraries: never another service. */
    public static ArchRule usesNoOtherService(String servicePackage) {
        return classes().that().resideInAPackage(servicePackage + "..")
                .should().onlyDependOnClassesThat(resideOutsideOfPackage("cn.minzheng..")
                        .or(resideInAnyPackage(servicePackage + "..", "cn.minzheng.platform..")))
                .because("services share no code but the platform library, and talk only through events and APIs");
    }

    /** Aggregates and rules know nothing of HTTP or Kafka; the web and messaging packages translate. */
    public static ArchRule domainIsFreeOfWebAndMessaging(String servicePackage) {
        return noClasses().that().resideInAPackage(servicePackage + "..")
                .and(not(resideInAnyPackage(WEB, MESSAGING)))
                .and().doNotHaveSimpleName(applicationClassOf(servicePackage))
                .should().dependOnClassesThat().resideInAnyPackage(WEB, MESSAGING, "org.springframework.web..",
                        "org.springframework.kafka..", "jakarta.servlet..", "org.apache.kafka..")
                .allowEmptyShould(true)
                .because("domain code is tested and changed without HTTP or Kafka in mind");
    }

    private static String applicationClassOf(String servicePackage) {
        String name = servicePackage.substring(servicePackage.lastIndexOf('.') + 1);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Application";
    }
}
