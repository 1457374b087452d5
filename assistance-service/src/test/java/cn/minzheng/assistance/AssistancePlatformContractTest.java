package cn.minzheng.assistance;

import cn.minzheng.testsupport.ServiceContractTest;
import cn.minzheng.testsupport.ServiceTest;

@ServiceTest
class AssistancePlatformContractTest extends ServiceContractTest {

    AssistancePlatformContractTest() {
        super("assistance", "township-officer", "registrar");
    }
}
