package cn.minzheng.orgs.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.minzheng.platform.identity.CreditCode;
import cn.minzheng.testsupport.HttpCalls;
import cn.minzheng.testsupport.ServiceTest;
import cn.minzheng.testsupport.TestIdNumbers;
import cn.minzheng.testsupport.TestJwts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * No update lost between two writers of one organisation, one of them stalled for as long as it likes (there is no
 * lock to take over): every save is one conditional update on {@code _id} and {@code version}, on the production
 * path and with the embedded store's adapter (which only adds the unique {@code {_id, version}} index that keeps that
 * update a lookup there).
 */
class ConcurrentOrganizationWritesTest {

    static final String OFFICER = TestJwts.token("orgs-officer-wx", "320411", "orgs-officer");

    abstract static class TwoWriters {

        @LocalServerPort
        int port;

        @Autowired
        Organizations organizations;

        @Autowired
        MongoTemplate mongo;

        @Autowired
        Clock clock;

        String registered() {
            String body = "51320411" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").concat("0000000000")
                    .substring(0, 9);
            String code = body + CreditCode.checkCharacter(body);
            var created = new HttpCalls("http://127.0.0.1:" + port).postJson("/api/orgs/organizations", OFFICER, """
                    {"name":"新北区并发测试协会%s","type":"ASSOCIATION","creditCode":"%s","sponsorUnit":"新北区民政局",
                     "legalRepresentative":{"name":"钱芳","idNumber":"%s"},"businessScope":"测试",
                     "divisionCode":"320411","registeredOn":"2026-01-05"}""".formatted(UUID.randomUUID().toString()
                    .substring(0, 4), code, TestIdNumbers.female("320411", LocalDate.of(1980, 5, 5))));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            return created.json().path("id").asString();
        }

        @Test
        void a_stalled_writer_never_overwrites_the_update_made_while_it_was_stalled() {
            String id = registered();
            Organization stalled = organizations.get(id);
            Organization other = organizations.get(id);

            other.changeStatus(OrgStatus.ABNORMAL, "未按时报送年度工作报告", "社会组织信用信息管理办法第九条",
                    LocalDate.of(2026, 6, 1), "orgs-officer-b", clock);
            organizations.save(other);
            // The first writer comes back long after (no lock expired for it: there is none) with what it read.
            stalled.amend(Amendment.Item.ADDRESS, "新北区某路 9 号", null, LocalDate.of(2026, 11, 30), "orgs-officer-a",
                    clock);
            assertThatThrownBy(() -> organizations.save(stalled)).isInstanceOf(OptimisticLockingFailureException.class);

            Organization stored = organizations.get(id);
            assertThat(stored.status()).as("the other writer's update stands").isEqualTo(OrgStatus.ABNORMAL);
            assertThat(stored.address()).isNotEqualTo("新北区某路 9 号");
        }

        boolean hasAdapterIndex() {
            return mongo.getCollection("organizations").listIndexes().into(new java.util.ArrayList<Document>())
                    .stream().anyMatch(i -> Boolean.TRUE.equals(i.get("unique"))
                            && ((Document) i.get("key")).keySet().equals(java.util.Set.of("_id", "version")));
        }
    }

    /** The embedded store of this machine, with its adapter (devstack and test-support set it). */
    @Nested
    @ServiceTest
    class OnTheEmbeddedStoreWithItsAdapter extends TwoWriters {

        @Test
        void the_adapter_keeps_the_conditional_update_a_lookup_with_a_unique_id_and_version_index() {
            assertThat(hasAdapterIndex()).isTrue();
        }
    }

    /** The production path: nothing but the conditional update MongoDB documents. */
    @Nested
    @ServiceTest
    @TestPropertySource(properties = {"minzheng.store.embedded-adapter=false",
            "minzheng.test.database=orgs-production-path-test"})
    class OnTheProductionPath extends TwoWriters {

        @Test
        void no_adapter_index_is_created() {
            assertThat(hasAdapterIndex()).isFalse();
        }
    }
}
