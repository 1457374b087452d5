package cn.minzheng.orgs;

import cn.minzheng.testsupport.ServiceContractTest;
import cn.minzheng.testsupport.ServiceTest;

@ServiceTest
class OrgsPlatformContractTest extends ServiceContractTest {

    OrgsPlatformContractTest() {
        super("orgs", "orgs-officer", "citizen");
    }
}
