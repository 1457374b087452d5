package cn.minzheng.platform;

import java.util.ArrayList;
import java.util.List;

import cn.minzheng.platform.personal.PersonalDataProperties;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Under the {@code prod} profile a service refuses to start with anything meant for a developer's machine, and
 * says every reason at once: the personal-data keys committed in this repository (recognised by their values, not
 * only by the key id, which an operator may have changed alone), the movable clock, the ping echo, demo data.
 * Checked before any bean is created, so nothing has connected or written anywhere.
 */
public final class ProductionSafety implements BeanFactoryPostProcessor, EnvironmentAware {

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (environment.acceptsProfiles(Profiles.of("prod"))) {
            List<String> problems = problems(environment);
            if (!problems.isEmpty()) {
                throw new IllegalStateException("refusing to start under the prod profile: "
                        + String.join("; ", problems));
            }
        }
    }

    static List<String> problems(Environment environment) {
        List<String> problems = new ArrayList<>();
        String keyId = environment.getProperty("minzheng.personal-data.active-key-id", "");
        if (keyId.startsWith(PersonalDataProperties.DEV_KEY_MARKER)) {
            problems.add("PERSONAL_DATA_KEY_ID is the development key id");
        }
        if (PersonalDataProperties.DEV_ACTIVE_KEY.equals(environment.getProperty("minzheng.personal-data.active-key"))) {
            problems.add("PERSONAL_DATA_KEY is the development key committed in the repository");
        }
        if (PersonalDataProperties.DEV_INDEX_KEY.equals(environment.getProperty("minzheng.personal-data.index-key"))) {
            problems.add("PERSONAL_DATA_INDEX_KEY is the development key committed in the repository");
        }
        if (environment.getProperty("minzheng.clock.movable", Boolean.class, false)) {
            problems.add("MINZHENG_CLOCK_MOVABLE is on (the dev clock)");
        }
        if (environment.getProperty("minzheng.ping.echo", Boolean.class, false)) {
            problems.add("MINZHENG_PING_ECHO is on (the test echo)");
        }
        String service = environment.getProperty("minzheng.service.name", "");
        if (environment.getProperty("minzheng." + service + ".demo-data", Boolean.class, false)) {
            problems.add(service.toUpperCase() + "_DEMO_DATA is on (demo people and records)");
        }
        return problems;
    }
}
