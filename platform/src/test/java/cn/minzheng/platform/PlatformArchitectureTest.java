package cn.minzheng.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The platform library is plumbing: it knows no service, so it can hold no service's domain type. */
@AnalyzeClasses(packages = "cn.minzheng.platform", importOptions = ImportOption.DoNotIncludeTests.class)
class PlatformArchitectureTest {

    @ArchTest
    static final ArchRule knows_no_service = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("cn.minzheng.assistance..", "cn.minzheng.eldercare..", "cn.minzheng.orgs..",
                    "cn.minzheng.funeral..", "cn.minzheng.registry..", "cn.minzheng.gateway..")
            .because("a shared jar with domain types couples every service to every other (STYLE.md)");

    /**
     * One clock in the platform too. The relay's throughput measurements and a claim's in-flight age are timing of
     * the process, not dates of the domain, and read the system clock on purpose.
     */
    @ArchTest
    static final ArchRule reads_time_from_the_service_clock = noClasses()
            .that().doNotHaveFullyQualifiedName("cn.minzheng.platform.events.OutboxRelay")
            .and().doNotHaveFullyQualifiedName("cn.minzheng.platform.claims.ExclusiveClaims")
            .should().callMethodWhere(new com.tngtech.archunit.base.DescribedPredicate<
                    com.tngtech.archunit.core.domain.JavaMethodCall>("now() without a clock") {
                @Override
                public boolean test(com.tngtech.archunit.core.domain.JavaMethodCall call) {
                    return call.getTarget().getName().equals("now")
                            && call.getTarget().getRawParameterTypes().isEmpty()
                            && call.getTarget().getOwner().getPackageName().equals("java.time");
                }
            })
            .because("dev clocks, tests and legal dates all depend on the service's Clock");
}
