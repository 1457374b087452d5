package cn.minzheng.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import cn.minzheng.platform.ServiceProperties;
import cn.minzheng.platform.audit.Auditor;
import cn.minzheng.platform.authz.AuthorizationConfiguration;
import cn.minzheng.platform.problem.ProblemDetailsAdvice;
import cn.minzheng.platform.problem.ProblemResponses;
import cn.minzheng.platform.security.SecurityConfiguration;
import cn.minzheng.platform.text.Texts;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * One controller with the platform's real web security (the resource server chain, Keycloak roles, method
 * security, 401/403 as problem+json), its real problem advice and division checks, and nothing else: no broker,
 * no store. Collaborators are {@code @MockitoBean}s of the test; requests carry {@link SliceJwts} callers. Cheap
 * enough to walk a controller's whole role and division matrix.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest
@Import({SecurityConfiguration.class, ProblemResponses.class, Texts.class, ProblemDetailsAdvice.class,
        AuthorizationConfiguration.class, SliceCalendar.class})
@EnableConfigurationProperties(ServiceProperties.class)
@MockitoBean(types = Auditor.class)
public @interface ControllerSlice {

    /** The controller under test. */
    @AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
    Class<?>[] value();
}
