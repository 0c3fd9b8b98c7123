package org.luoshi.ledger;

import java.util.Map;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.core.env.Environment;

/** Puts {@link LocalLabels} in front of the application's MessageSource, with the configured local names. */
@Configuration(proxyBeanMethods = false)
class LocalLabelsConfiguration {

    @Bean
    static BeanPostProcessor localLabels(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(name) && bean instanceof MessageSource source
                        && !(bean instanceof LocalLabels)) {
                    return wrap(source, environment);
                }
                return bean;
            }
        };
    }

    static LocalLabels wrap(MessageSource source, Environment environment) {
        LocalLabels labels = new LocalLabels(source);
        labels.mediaLevels(Binder.get(environment)
                .bind(LocalLabels.MEDIA_LEVEL_PROPERTY, Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        return labels;
    }
}
