package cn.minzheng.portal.layout;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * Every view, the error page included (which no controller advice reaches), sees {@code ${assets}}: Thymeleaf does
 * not allow bean references in URL attributes such as {@code th:src}.
 */
@Configuration
class AssetsInViews {

    @Bean
    static BeanPostProcessor assetsInEveryView(ObjectProvider<Assets> assets) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof ThymeleafViewResolver views) {
                    views.addStaticVariable("assets", assets.getObject());
                }
                return bean;
            }
        };
    }
}
