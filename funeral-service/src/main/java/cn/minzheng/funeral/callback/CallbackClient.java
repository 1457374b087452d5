package cn.minzheng.funeral.callback;

import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import cn.minzheng.platform.events.OutboxAggregate;
import cn.minzheng.platform.personal.SealedValue;
import cn.minzheng.platform.refusal.Refusal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An integration client's registration (collection {@code callback_clients}, id = the client id): the divisions
 * it acts for (the provincial platform: the province; a city's platform: the city), its signing secret, sealed, and
 * the URL prefixes its callbacks may go to. An integration client acts only once registered.
 */
@Document("callback_clients")
public class CallbackClient extends OutboxAggregate {

    /** Standard Webhooks secrets: "whsec_" and the base64 of the key (at least 24 bytes). */
    static final String PREFIX = "whsec_";

    @Id
    private final String id;
    private SealedValue secret;
    private List<String> allowList;
    private List<String> divisions;
    private String updatedBy;
    private Instant updatedAt;

    @PersistenceCreator
    CallbackClient(String id, SealedValue secret, List<String> allowList, List<String> divisions, String updatedBy,
            Instant updatedAt) {
        this.id = id;
        this.secret = secret;
        this.allowList = allowList == null ? List.of() : List.copyOf(allowList);
        this.divisions = divisions == null ? List.of() : List.copyOf(divisions);
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
    }

    /** 400 unless the secret is a Standard Webhooks secret of at least 24 bytes. */
    public static void checkSecret(String secret) {
        keyOf(secret);
    }

    static byte[] keyOf(String secret) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length())
                    : secret);
            if (key.length < 24) {
                throw Refusal.invalid("invalid-request").as("webhook-secret").on("secret");
            }
            return key;
        } catch (IllegalArgumentException notBase64) {
            throw Refusal.invalid("invalid-request").as("webhook-secret").on("secret");
        }
    }

    public static CallbackClient register(String clientId, SealedValue sealed, List<String> allowList,
            List<String> divisions, String by, Clock clock) {
        return new CallbackClient(clientId, sealed, allowList, divisions, by, clock.instant());
    }

    public void update(SealedValue sealed, List<String> newAllowList, List<String> newDivisions, String by,
            Clock clock) {
        secret = sealed;
        allowList = List.copyOf(newAllowList);
        divisions = List.copyOf(newDivisions);
        updatedBy = by;
        updatedAt = clock.instant();
    }

    /**
     * Whether the URL lies under one of the registered prefixes, both parsed ({@link CallbackUrl}: scheme, host,
     * port and whole path segments); a URL that does not parse cleanly lies under nothing.
     */
    public boolean allows(String url) {
        return CallbackUrl.parse(url).map(target -> allowList.stream().map(CallbackUrl::parse)
                .flatMap(java.util.Optional::stream).anyMatch(target::under)).orElse(false);
    }

    /** Whether the client acts for the division (its registered divisions contain it). */
    public boolean actsFor(cn.minzheng.platform.identity.DivisionCode division) {
        return divisions.stream().map(cn.minzheng.platform.identity.DivisionCode::of)
                .anyMatch(own -> own.contains(division));
    }

    public List<String> divisions() {
        return divisions;
    }

    @Override
    public String id() {
        return id;
    }

    public SealedValue secret() {
        return secret;
    }

    public List<String> allowList() {
        return allowList;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
