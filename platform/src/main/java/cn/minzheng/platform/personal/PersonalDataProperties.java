package cn.minzheng.platform.personal;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for personal data, from the environment in any real deployment.
 *
 * @param activeKeyId  the id of the key new values are encrypted with (stored with each value)
 * @param activeKey    base64 AES-256 key
 * @param previousKeys key id to base64 key of keys rotated out, kept so that older values can still be read
 * @param indexKey    base64 HMAC-SHA256 key for lookup hashes and personRefs (changing it renames every person)
 */
@ConfigurationProperties("minzheng.personal-data")
public record PersonalDataProperties(String activeKeyId, String activeKey, Map<String, String> previousKeys,
        String indexKey) {

    /** The dev-only defaults in minzheng-platform-defaults.yml start with this marker; prod refuses them. */
    public static final String DEV_KEY_MARKER = "dev-only";

    /** The development keys committed in minzheng-platform-defaults.yml: production refuses them by value. */
    public static final String DEV_ACTIVE_KEY = "4LCZlcKglDzPe6gk58PulxxyyY1yG3AojK5wox8lLwE=";
    public static final String DEV_INDEX_KEY = "xzS6bM8voRmQkW8cSFjnOEingyt1aLgroAFrtRWybJg=";

    public PersonalDataProperties {
        previousKeys = previousKeys == null ? Map.of() : Map.copyOf(previousKeys);
    }
}
