package cn.minzheng.platform.personal;

/**
 * An encrypted value as stored: which key sealed it, and base64 of IV followed by AES-GCM ciphertext and tag.
 */
public record SealedValue(String keyId, String cipherText) {
}
