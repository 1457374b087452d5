package cn.minzheng.registry;

import cn.minzheng.testsupport.ServiceContractTest;
import cn.minzheng.testsupport.ServiceTest;

@ServiceTest
class RegistryPlatformContractTest extends ServiceContractTest {

    RegistryPlatformContractTest() {
        super("registry", "registrar", "township-officer");
    }
}
