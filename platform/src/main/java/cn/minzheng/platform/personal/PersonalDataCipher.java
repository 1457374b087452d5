package cn.minzheng.platform.personal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data with AES-256-GCM under the active key (the key id is stored with the value, so keys can
 * rotate) and derives keyed lookup hashes (HMAC-SHA256): equal values give equal hashes, so a record can be found
 * by ID number without the number ever being stored or indexed in clear.
 */
public final class PersonalDataCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String activeKeyId;
    private final Map<String, SecretKey> keys;
    private final SecretKey indexKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PersonalDataProperties properties) {
        Map<String, SecretKey> decoded = new HashMap<>();
        properties.previousKeys().forEach((id, key) -> decoded.put(id, aesKey(id, key)));
        if (properties.activeKeyId() == null || properties.activeKey() == null) {
            throw new IllegalStateException("minzheng.personal-data.active-key-id and active-key are required");
        }
        decoded.put(properties.activeKeyId(), aesKey(properties.activeKeyId(), properties.activeKey()));
        if (properties.indexKey() == null || properties.indexKey().isBlank()) {
            throw new IllegalStateException("minzheng.personal-data.index-key is required");
        }
        this.activeKeyId = properties.activeKeyId();
        this.keys = Map.copyOf(decoded);
        this.indexKey = new SecretKeySpec(Base64.getDecoder().decode(properties.indexKey()), "HmacSHA256");
    }

    public SealedValue seal(String plainText) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(activeKeyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plainText.getBytes(StandardCharsets.UTF_8));
            return new SealedValue(activeKeyId, Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String open(SealedValue value) {
        SecretKey key = keys.get(value.keyId());
        if (key == null) {
            throw new IllegalStateException("no key configured for key id " + value.keyId());
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(value.cipherText());
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            cipher.updateAAD(value.keyId().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: the value was altered or the key is wrong", e);
        }
    }

    /** True when the value was sealed under an older key and should be re-sealed on its next write. */
    public boolean needsRotation(SealedValue value) {
        return !activeKeyId.equals(value.keyId());
    }

    /** The keyed hash of a value: stable, not reversible without the index key. */
    public String lookupHash(String plainText) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return HexFormat.of().formatHex(mac.doFinal(plainText.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }

    private static SecretKey aesKey(String id, String base64) {
        byte[] bytes = Base64.getDecoder().decode(base64);
        if (bytes.length != 32) {
            throw new IllegalStateException("personal-data key " + id + " must be 32 bytes (AES-256), base64");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
