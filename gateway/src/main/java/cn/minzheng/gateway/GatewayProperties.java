package cn.minzheng.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxBodySize request bodies above this are refused with 413 before they reach a service
 * @param maxConcurrentCallsPerService calls in flight to one service before the next is answered 429
 *        ({@link AdmissionLimit})
 */
@ConfigurationProperties("minzheng.gateway")
public record GatewayProperties(DataSize maxBodySize, Integer maxConcurrentCallsPerService) {

    public GatewayProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
        if (maxConcurrentCallsPerService == null) {
            maxConcurrentCallsPerService = 512;
        }
    }
}
