package cn.minzheng.assistance;

import org.junit.jupiter.api.Order;

import cn.minzheng.testsupport.IndexCoverageTest;
import cn.minzheng.testsupport.ServiceTest;

/** Every query shape this service's tests sent has an index on a real MongoDB. */
@ServiceTest
@Order(Integer.MAX_VALUE) // after every other test class of this module (junit-platform.properties)
class AssistanceIndexCoverageTest extends IndexCoverageTest {
}
