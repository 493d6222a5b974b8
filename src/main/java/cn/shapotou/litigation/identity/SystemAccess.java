package cn.shapotou.litigation.identity;

import cn.shapotou.litigation.engine.EngineCaller;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Runs engine reads without the caller's authorization filter, after the application has decided itself that the
 * caller may see the case (e.g. a lead unit sees every open task of its case, whoever holds it).
 */
@Component
public class SystemAccess {

    private final IdentityService identity;

    public SystemAccess(IdentityService identity) {
        this.identity = identity;
    }

    public <T> T call(Supplier<T> work) {
        EngineCaller caller = EngineCaller.current(identity);
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                caller.restore(identity);
            }
        }
    }
}
