package cn.shapotou.litigation.web;

import jakarta.ws.rs.core.FeatureContext;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;
import org.glassfish.jersey.internal.spi.ForcedAutoDiscoverable;

/**
 * Tasklist does not call {@code /engine-rest}: the webapps serve their own copy of the engine REST API at
 * {@code /camunda/api/engine}, a Jersey application the Camunda starter builds without Spring's customizers. Jersey
 * applies this (listed in META-INF/services) to every application it starts; it gives the Chinese error bodies of
 * {@link EngineRestErrors} to each one that serves the engine's resources and has not got them yet, and leaves the
 * webapps' other applications (sign-in, Cockpit, Admin) as they are (README「界面语言」).
 */
public class EngineRestErrorsDiscovery implements ForcedAutoDiscoverable {

    @Override
    public void configure(FeatureContext context) {
        var configuration = context.getConfiguration();
        boolean engineRest = configuration.getClasses().contains(NamedProcessEngineRestServiceImpl.class);
        boolean registered = configuration.isRegistered(EngineRestErrors.ForRest.class);
        if (engineRest && !registered) {
            context.register(new EngineRestErrors.ForRest(), EngineRestErrors.PRIORITY);
            context.register(new EngineRestErrors.ForEngine(), EngineRestErrors.PRIORITY);
            context.register(new EngineRestErrors.ForAnything(), EngineRestErrors.PRIORITY);
        }
    }
}
