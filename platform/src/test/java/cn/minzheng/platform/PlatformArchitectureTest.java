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
}
