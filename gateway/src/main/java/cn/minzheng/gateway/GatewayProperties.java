package cn.minzheng.gateway;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize request bodies above this are refused with 413 before they reach a service
 * @param maxConcurrentCallsPerService calls in flight to one service before the next is answered 429
 *        ({@link AdmissionLimit})
 * @param publicWritePaths paths anyone may POST to without a token (the services declare the same ones)
 * @param publicWritesPerMinute login-free writes one client address may make in a minute ({@link PublicWriteLimit})
 * @param publicExportPaths downloads of a whole public register (GET), limited per client address
 * @param publicExportsPerMinute such downloads one client address may make in a minute
 * @param key shared with the services: marks the login-free writes this gateway let through (a secret)
 * @param portalKey shared with the portal: its requests carry it, and only then is their {@code X-Forwarded-For}
 *        (the citizen the portal serves) taken as the client's address (a secret)
 */
@ConfigurationProperties("minzheng.gateway")
public record GatewayProperties(DataSize maxBodySize, Integer maxConcurrentCallsPerService,
        List<String> publicWritePaths, Integer publicWritesPerMinute, List<String> publicExportPaths,
        Integer publicExportsPerMinute, String key, String portalKey) {

    public GatewayProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (maxConcurrentCallsPerService == null) {
            maxConcurrentCallsPerService = 512;
        }
        publicWritePaths = publicWritePaths == null ? List.of() : List.copyOf(publicWritePaths);
        if (publicWritesPerMinute == null) {
            publicWritesPerMinute = 5;
        }
        publicExportPaths = publicExportPaths == null ? List.of() : List.copyOf(publicExportPaths);
        if (publicExportsPerMinute == null) {
            publicExportsPerMinute = 10;
        }
    }
}
