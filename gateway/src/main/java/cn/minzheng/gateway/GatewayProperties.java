package cn.minzheng.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** @param maxBodySize request bodies above this are refused with 413 before they reach a service */
@ConfigurationProperties("minzheng.gateway")
public record GatewayProperties(DataSize maxBodySize) {

    public GatewayProperties {
        if (maxBodySize == null) {
            maxBodySize = DataSize.ofMegabytes(1);
        }
    }
}
