package cn.minzheng.funeral;

import cn.minzheng.testsupport.ServiceContractTest;
import cn.minzheng.testsupport.ServiceTest;

@ServiceTest
class FuneralPlatformContractTest extends ServiceContractTest {

    FuneralPlatformContractTest() {
        super("funeral", "funeral-home-operator", "registrar");
    }
}
