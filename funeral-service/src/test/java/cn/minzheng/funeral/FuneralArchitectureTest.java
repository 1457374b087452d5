package cn.minzheng.funeral;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

import cn.minzheng.testsupport.ServiceArchitecture;

@AnalyzeClasses(packages = "cn.minzheng.funeral", importOptions = ImportOption.DoNotIncludeTests.class)
class FuneralArchitectureTest {

    @ArchTest
    static final ArchTests architecture = ArchTests.in(ServiceArchitecture.class);
}
