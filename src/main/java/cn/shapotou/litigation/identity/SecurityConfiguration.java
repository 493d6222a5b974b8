package cn.shapotou.litigation.identity;

import cn.shapotou.litigation.web.RequestSizeLimit;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Nothing but the login pages answers without a login; the engine REST API has none by default. */
@Configuration
public class SecurityConfiguration {

    @Bean
    public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("engine-rest-authentication");
        registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*");
        return registration;
    }

    @Bean
    public FilterRegistrationBean<MonitoringAccess> monitoringAccess(IdentityService identity,
                                                                     AuthorizationService authorizations) {
        FilterRegistrationBean<MonitoringAccess> registration =
                new FilterRegistrationBean<>(new MonitoringAccess(identity, authorizations));
        registration.setName("monitoring-access");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
        return registration;
    }

    @Bean
    public FilterRegistrationBean<OperatorAccess> operatorAccess(IdentityService identity) {
        FilterRegistrationBean<OperatorAccess> registration = new FilterRegistrationBean<>(new OperatorAccess(identity));
        registration.setName("operator-access");
        registration.addUrlPatterns("/actuator/*");
        return registration;
    }

    @Bean
    public FilterRegistrationBean<RequestSizeLimit> apiRequestSizeLimit() {
        FilterRegistrationBean<RequestSizeLimit> registration = new FilterRegistrationBean<>(new RequestSizeLimit());
        registration.setName("api-request-size-limit");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity) {
        FilterRegistrationBean<ApiAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity));
        registration.setName("api-authentication");
        registration.setOrder(1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
