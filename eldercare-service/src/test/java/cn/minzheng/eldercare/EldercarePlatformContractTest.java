package cn.minzheng.eldercare;

import cn.minzheng.testsupport.ServiceContractTest;
import cn.minzheng.testsupport.ServiceTest;

@ServiceTest
class EldercarePlatformContractTest extends ServiceContractTest {

    EldercarePlatformContractTest() {
        super("eldercare", "eldercare-officer", "registrar");
    }
}
