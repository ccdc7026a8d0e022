package io.trustspace.app.config;

import io.trustspace.app.security.ApiKeyFilter;
import io.trustspace.app.security.ApiRole;
import io.trustspace.app.security.ProblemAuthenticationHandlers;
import java.util.HexFormat;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. Management and operator APIs ({@code /api/**}) need an API key (machines) or a login (people)
 * with a role; public, read-only pages (health, OpenAPI, DID documents, the ledger's tiles) and endpoints that
 * authenticate by signature (ledger submission, witnessing, DSP with its own tokens) are open. There is no
 * unauthenticated write under {@code /api}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    private static final String OPERATOR_ADMIN = ApiRole.OPERATOR_ADMIN.name();
    private static final String REVIEWER = ApiRole.REVIEWER.name();
    private static final String REGULATOR = ApiRole.REGULATOR.name();
    private static final String PARTICIPANT_ADMIN = ApiRole.PARTICIPANT_ADMIN.name();

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, NodeProperties properties) throws Exception {
        ProblemAuthenticationHandlers problems = new ProblemAuthenticationHandlers();
        List<ApiKeyFilter.ApiKey> keys = properties.security().apiKeys().stream()
                .map(key -> new ApiKeyFilter.ApiKey(
                        key.name(),
                        HexFormat.of().parseHex(key.sha256()),
                        key.roles().stream().map(ApiRole::parse).toList()))
                .toList();
        return http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyFilter(keys), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/v1/node", "/api/v1/crypto/verify")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/participants")
                        .hasAnyRole(OPERATOR_ADMIN, PARTICIPANT_ADMIN)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/participants/*/verify",
                                "/api/v1/participants/*/review",
                                "/api/v1/participants/*/approve",
                                "/api/v1/participants/*/reject")
                        .hasAnyRole(OPERATOR_ADMIN, REVIEWER)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/participants/*/suspend",
                                "/api/v1/participants/*/revoke",
                                "/api/v1/participants/*/reinstate",
                                "/api/v1/participants/*/credential")
                        .hasRole(OPERATOR_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/review/**")
                        .hasAnyRole(OPERATOR_ADMIN, REVIEWER)
                        .requestMatchers(HttpMethod.POST, "/api/v1/resources", "/api/v1/resources/**")
                        .hasAnyRole(OPERATOR_ADMIN, PARTICIPANT_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/discovery/**")
                        .hasAnyRole(OPERATOR_ADMIN, PARTICIPANT_ADMIN)
                        .requestMatchers(
                                HttpMethod.POST,
                                "/api/v1/negotiations",
                                "/api/v1/negotiations/**",
                                "/api/v1/transfers",
                                "/api/v1/transfers/**",
                                "/api/v1/agreements/**",
                                "/api/v1/catalogs/request")
                        .hasAnyRole(OPERATOR_ADMIN, PARTICIPANT_ADMIN)
                        // Reading data through the connector is a use of it: its admins only, not oversight roles.
                        // So is reading the endpoint and token that read it.
                        .requestMatchers(HttpMethod.GET, "/api/v1/transfers/*/data", "/api/v1/transfers/*/data-address")
                        .hasAnyRole(OPERATOR_ADMIN, PARTICIPANT_ADMIN)
                        .requestMatchers(HttpMethod.PUT, "/api/v1/membership")
                        .hasAnyRole(OPERATOR_ADMIN, PARTICIPANT_ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(OPERATOR_ADMIN, REVIEWER, REGULATOR, PARTICIPANT_ADMIN)
                        .requestMatchers("/api/**")
                        .hasRole(OPERATOR_ADMIN)
                        .anyRequest()
                        .permitAll())
                .build();
    }

    /**
     * DIDs in paths (ledger subjects such as did:web:host%3Aport) carry an encoded percent sign, which the default
     * firewall refuses; everything else it checks stays on.
     */
    @Bean
    org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer firewall() {
        org.springframework.security.web.firewall.StrictHttpFirewall firewall =
                new org.springframework.security.web.firewall.StrictHttpFirewall();
        firewall.setAllowUrlEncodedPercent(true);
        return web -> web.httpFirewall(firewall);
    }

    /** People log in with configured users; passwords are stored encoded ({bcrypt}…), never in the clear. */
    @Bean
    UserDetailsService users(NodeProperties properties) {
        return new InMemoryUserDetailsManager(properties.security().users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.roles().stream()
                                .map(role -> ApiRole.parse(role).name())
                                .toArray(String[]::new))
                        .build())
                .toList());
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
