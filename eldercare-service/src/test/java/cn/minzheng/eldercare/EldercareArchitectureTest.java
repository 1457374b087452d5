package cn.minzheng.eldercare;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import cn.minzheng.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "cn.minzheng.eldercare", importOptions = ImportOption.DoNotIncludeTests.class)
class EldercareArchitectureTest {

    @ArchTest
    static final ArchRule uses_no_other_service = ServiceArchitecture.usesNoOtherService("cn.minzheng.eldercare");

    @ArchTest
    static final ArchRule domain_is_free_of_web_and_messaging =
            ServiceArchitecture.domainIsFreeOfWebAndMessaging("cn.minzheng.eldercare");
}
