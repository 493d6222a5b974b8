package cn.shapotou.litigation.decisions;

import cn.shapotou.litigation.engine.EngineCaller;
import cn.shapotou.litigation.engine.EngineCommand;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.identity.User;

/**
 * Who submitted what a task asked for: the person logged in when it was completed, named as 刘伟（natres） — the
 * 直接责任人员 of a lateness the submission shows (Art. 22). Null when the system completed it.
 */
final class Submitter {

    private Submitter() {}

    static String of(DelegateExecution execution) {
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        EngineCaller auth = EngineCaller.current(identity);
        if (auth == null || auth.userId() == null) {
            return null;
        }
        String id = auth.userId();
        // The unit's staff may not read the user directory; naming the person is the system's act.
        User user = !EngineCommand.running() ? identity.createUserQuery().userId(id).singleResult()
                : EngineCommand.withoutAuthorization(
                        () -> identity.createUserQuery().userId(id).singleResult());
        String name = user == null || user.getFirstName() == null || user.getFirstName().isBlank() ? null
                : user.getFirstName().strip();
        return name == null ? id : name + "（" + id + "）";
    }
}
