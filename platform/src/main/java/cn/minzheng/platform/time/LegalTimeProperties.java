package cn.minzheng.platform.time;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;

/**
 * Where the holiday schedules come from and how often the file is looked at again.
 *
 * @param schedules      the deployment's schedules file ({@code file:/etc/minzheng/holiday-schedules.yml}); the copy
 *                       that ships in the platform is the default
 * @param reloadInterval how often the file is read again; a change is applied and open cases recalculated
 */
@ConfigurationProperties("minzheng.legal-time")
public record LegalTimeProperties(Resource schedules, Duration reloadInterval) {

    static final String SHIPPED = "classpath:minzheng/legal-time/holiday-schedules.yml";

    public LegalTimeProperties {
        if (schedules == null) {
            schedules = new DefaultResourceLoader().getResource(SHIPPED);
        }
        if (reloadInterval == null) {
            reloadInterval = Duration.ofMinutes(1);
        }
    }
}
