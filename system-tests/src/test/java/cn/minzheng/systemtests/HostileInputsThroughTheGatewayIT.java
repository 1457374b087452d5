package cn.minzheng.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minzheng.testsupport.SchemaFuzzing;

/**
 * A sample of the fuzz suite through the gateway, with real Keycloak tokens, on the one platform all system tests
 * share: only cases that cannot change anything (the services' own contract tests send the full set directly).
 * Each answer comes back through the gateway as the services gave it: never a 5xx, always problem+json, nothing
 * leaked.
 */
class HostileInputsThroughTheGatewayIT extends ThroughTheGateway {

    /** A realm user for each role an operation may declare. */
    private static final Map<String, String> USERS = Map.ofEntries(Map.entry("township-officer", "zl-officer-1"),
            Map.entry("county-approver", "zl-approver"), Map.entry("child-director", "child-director-1"),
            Map.entry("eldercare-officer", "eldercare-officer"), Map.entry("facility-operator", "facility-operator"),
            Map.entry("care-provider", "care-provider"), Map.entry("orgs-officer", "orgs-officer"),
            Map.entry("inspector", "inspector"), Map.entry("funeral-officer", "funeral-officer"),
            Map.entry("funeral-home-operator", "funeral-home-operator"), Map.entry("registrar", "registrar"),
            Map.entry("auditor", "auditor"), Map.entry("admin", "admin"), Map.entry("citizen", "citizen"));

    @Test
    void a_sample_of_hostile_inputs_through_the_gateway_gets_clear_4xx_answers() {
        int requests = 0;
        for (String service : List.of("assistance", "eldercare", "orgs", "funeral", "registry")) {
            var answer = gateway.get("/api/" + service + "/v3/api-docs", null);
            assertThat(answer.status()).as(service + "'s OpenAPI document through the gateway").isEqualTo(200);
            String document = answer.body();
            var totals = new SchemaFuzzing(gateway, document, 20261203L, 4).refusableOnly()
                    .run((path, roles) -> token(path, roles));
            System.out.println(service + " through the gateway: " + totals);
            assertThat(totals.failures()).as(service + ": " + totals).isEmpty();
            requests += totals.requests();
        }
        assertThat(requests).isGreaterThan(200);
    }

    private String token(String path, List<String> roles) {
        if (path.contains("/me/")) {
            return tokens.user("citizen");
        }
        if (path.contains("/audit")) {
            return tokens.user("auditor");
        }
        if (roles.contains("integration") && roles.size() == 1) {
            return tokens.integrationClient();
        }
        return tokens.user(roles.stream().filter(USERS::containsKey).map(USERS::get).findFirst().orElse("admin"));
    }
}
