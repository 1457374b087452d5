package cn.minzheng.registry;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import cn.minzheng.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "cn.minzheng.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class RegistryArchitectureTest {

    @ArchTest
    static final ArchRule uses_no_other_service = ServiceArchitecture.usesNoOtherService("cn.minzheng.registry");

    @ArchTest
    static final ArchRule domain_is_free_of_web_and_messaging =
            ServiceArchitecture.domainIsFreeOfWebAndMessaging("cn.minzheng.registry");
}
