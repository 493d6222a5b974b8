package cn.shapotou.litigation.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** The signed-in user the engine acts for: set by the REST APIs' sign-in, absent when the system acts (a job). */
public final class EngineCaller {

    private final Authentication authentication;

    private EngineCaller(Authentication authentication) {
        this.authentication = authentication;
    }

    /** The caller, or null when the engine acts for nobody. */
    public static EngineCaller current(IdentityService identity) {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : new EngineCaller(authentication);
    }

    public String userId() {
        return authentication.getUserId();
    }

    /** The caller's groups as the sign-in gave them; null when it gave none. */
    public List<String> groupIds() {
        return authentication.getGroupIds();
    }

    /** Signs this caller in again after work done as the system (groups and tenants as they were). */
    public void restore(IdentityService identity) {
        identity.setAuthentication(authentication);
    }
}
