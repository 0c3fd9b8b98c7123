package org.luoshi.web;

import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The interface language: Simplified Chinese whatever the browser asks for (an en-US browser in a
 * township office is no sign that its user reads English), English only when the user picks it
 * with the switch ({@code ?lang=en}), remembered in a cookie for a year.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final Locale DEFAULT = Locale.SIMPLIFIED_CHINESE;

    /** Named so that it replaces Spring Boot's Accept-Language resolver. */
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("luoshi-lang");
        resolver.setDefaultLocale(DEFAULT);
        resolver.setCookieMaxAge(java.time.Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        // an unknown value is ignored rather than answered with an error page
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
