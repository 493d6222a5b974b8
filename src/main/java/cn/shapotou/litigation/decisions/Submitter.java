package cn.shapotou.litigation.decisions;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Who submitted what a task asked for: the person logged in when it was completed, named as 刘伟（natres） — the
 * 直接责任人员 of a lateness the submission shows (Art. 22). Null when the system completed it.
 */
final class Submitter {

    private Submitter() {}

    static String of(DelegateExecution execution) {
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        Authentication auth = identity.getCurrentAuthentication();
        if (auth == null || auth.getUserId() == null) {
            return null;
        }
        String id = auth.getUserId();
        // The unit's staff may not read the user directory; naming the person is the system's act.
        User user = Context.getCommandContext() == null ? identity.createUserQuery().userId(id).singleResult()
                : Context.getCommandContext().runWithoutAuthorization(
                        () -> identity.createUserQuery().userId(id).singleResult());
        String name = user == null || user.getFirstName() == null || user.getFirstName().isBlank() ? null
                : user.getFirstName().strip();
        return name == null ? id : name + "（" + id + "）";
    }
}
