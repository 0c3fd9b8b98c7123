package org.luoshi.account;

import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the audit filter in front of Spring Security, so that requests the firewall refuses are recorded too. */
@Configuration
class AuditConfig {

    @Bean
    FilterRegistrationBean<AuditFilter> auditFilter(AuditTrail audit) {
        FilterRegistrationBean<AuditFilter> registration = new FilterRegistrationBean<>(new AuditFilter(audit));
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
