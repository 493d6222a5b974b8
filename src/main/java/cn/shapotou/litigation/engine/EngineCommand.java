package cn.shapotou.litigation.engine;

import java.util.concurrent.Callable;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;

/**
 * The engine command running on this thread: listeners and delegates run inside one, and what they do as the
 * system (not as the signed-in caller) is done here without the caller's authorization checks.
 */
public final class EngineCommand {

    private EngineCommand() {}

    /** Whether this thread runs inside an engine command (a listener, a delegate), not straight from a controller. */
    public static boolean running() {
        return Context.getCommandContext() != null;
    }

    /** Runs work inside the current command without authorization checks: the application has decided itself. */
    public static <T> T withoutAuthorization(Callable<T> work) {
        return current().runWithoutAuthorization(work);
    }

    public static void withoutAuthorization(Runnable work) {
        current().runWithoutAuthorization(() -> {
            work.run();
            return null;
        });
    }

    /** The user the current command runs for; null outside a command or when the system acts. */
    public static String authenticatedUserId() {
        CommandContext command = Context.getCommandContext();
        return command == null ? null : command.getAuthenticatedUserId();
    }

    /** The identity service of the engine running the current command. */
    public static IdentityService identityService() {
        return Context.getProcessEngineConfiguration().getIdentityService();
    }

    private static CommandContext current() {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            throw new IllegalStateException("not inside an engine command");
        }
        return command;
    }
}
