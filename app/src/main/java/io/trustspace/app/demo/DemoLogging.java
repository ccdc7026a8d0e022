package io.trustspace.app.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The demo's three nodes share one JVM and therefore one logging system. Left to themselves, three Spring Boot
 * applications starting in parallel would each re-initialise it; instead the demo sets it up once (ECS JSON to a
 * file, warnings on the console) and tells the nodes to leave it alone.
 */
final class DemoLogging {

    private DemoLogging() {}

    static void initialise(Path logFile) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("logging.file.name", logFile.toString());
        settings.put("logging.structured.format.file", "ecs");
        settings.put("logging.threshold.console", "WARN");
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("demo-logging", settings));
        LoggingSystem logging = LoggingSystem.get(DemoLogging.class.getClassLoader());
        logging.beforeInitialize();
        logging.initialize(new LoggingInitializationContext(environment), null, LogFile.get(environment));
        for (String quiet : new String[] {"org.flywaydb", "com.zaxxer.hikari", "io.zonky", "org.springdoc"}) {
            logging.setLogLevel(quiet, LogLevel.WARN);
        }
        logging.setLogLevel("org.springframework.web.servlet.PageNotFound", LogLevel.ERROR);
        logging.setLogLevel("org.springdoc.core.events", LogLevel.ERROR);
        System.setProperty(LoggingSystem.SYSTEM_PROPERTY, LoggingSystem.NONE);
    }
}
