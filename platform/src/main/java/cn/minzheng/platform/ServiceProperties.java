package cn.minzheng.platform;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who this service is: its path segment under {@code /api/} and the realm roles that may call it at all.
 * {@code publicPaths} are read without a token (GET only), {@code publicWritePaths} written without one (POST only). Finer rules (which role may do what, division scoping) belong to each endpoint.
 */
@Validated
@ConfigurationProperties("minzheng.service")
public record ServiceProperties(
        @NotBlank @Pattern(regexp = "[a-z]+") String name,
        @NotEmpty List<String> roles,
        List<String> publicPaths,
        List<String> publicWritePaths) {

    /**
     * {@code publicPaths}: paths under {@code /api/<name>} that anyone may GET without a token (public notices,
     * disclosure). {@code publicWritePaths}: the few that anyone may POST to without a token (an objection from the
     * public notice page); the gateway limits them per client, and they echo no personal data.
     */
    public ServiceProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
        publicWritePaths = publicWritePaths == null ? List.of() : List.copyOf(publicWritePaths);
    }
}
