package cn.minzheng.platform;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Who this service is: its path segment under {@code /api/} and the realm roles that may call it at all.
 * {@code publicPaths} are read without a token (GET only). Finer rules (which role may do what, division scoping) belong to each endpoint.
 */
@Validated
@ConfigurationProperties("minzheng.service")
public record ServiceProperties(
        @NotBlank @Pattern(regexp = "[a-z]+") String name,
        @NotEmpty List<String> roles,
        List<String> publicPaths) {

    /** Paths under {@code /api/<name>} that anyone may GET without a token (public notices, disclosure). */
    public ServiceProperties {
        publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    }
}
