package cn.minzheng.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatusCode;

/**
 * A client sees the same problem type for a status whether the gateway or a service answered it. The services'
 * table is read from the platform's source: the gateway (reactive) cannot put the servlet platform library on its
 * classpath, not even for a test, without Spring Boot taking it for a servlet application.
 */
class ProblemKindsTest {

    private static final Path PLATFORM_KINDS =
            Path.of("../platform/src/main/java/cn/minzheng/platform/problem/ProblemResponses.java");

    @Test
    void the_gateway_names_every_error_status_as_the_services_do() throws IOException {
        String source = Files.readString(PLATFORM_KINDS);
        String table = source.substring(source.indexOf("public static String kindOf"));
        Map<Integer, String> platform = new TreeMap<>();
        Matcher entry = Pattern.compile("case (\\d{3}) -> \"([a-z-]+)\"").matcher(table);
        while (entry.find()) {
            platform.put(Integer.valueOf(entry.group(1)), entry.group(2));
        }
        assertThat(platform).hasSizeGreaterThan(10);
        for (int status = 400; status < 600; status++) {
            String expected = platform.getOrDefault(status, status >= 500 ? "internal-error" : "client-error");
            assertThat(ProblemErrorHandler.kindOf(HttpStatusCode.valueOf(status))).as("status " + status)
                    .isEqualTo(expected);
        }
    }
}
