package cn.shapotou.litigation.answer;

import cn.shapotou.litigation.engine.EngineCommand;
import cn.shapotou.litigation.web.FormValues;
import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE;

import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.identity.Grants;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Art. 5: the Legal Counsel Office assigns a government legal counsel, who then takes part in the case: may read it
 * and is offered the answer-preparation tasks of every unit.
 */
@Component("counselAssignment")
public class CounselAssignment implements ExecutionListener {

    private final IdentityService identity;
    private final Grants grants;

    public CounselAssignment(IdentityService identity, Grants grants) {
        this.identity = identity;
        this.grants = grants;
    }

    /** Create listener of 指派法律顾问: the counsels to choose from, for the form's select. */
    public void offer(DelegateTask task) {
        List<Map<String, String>> options = counsels().stream()
                .map(u -> Map.of("label", displayName(u), "value", u.getId())).toList();
        task.setVariableLocal("counselOptions", FormValues.toJson(options));
    }

    /** End listener of 指派法律顾问. */
    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        String counsel = FormValues.text(execution.getVariable("counsel"));
        if (counsel == null || counsels().stream().noneMatch(u -> u.getId().equals(counsel))) {
            throw FormRefusal.of(List.of(new FieldError("counsel",
                    "政府法律顾问须从区法律顾问室的人员中选择（第五条）")));
        }
        DelegateExecution stage = execution.getProcessInstance();
        String stageInstance = stage.getProcessInstanceId();
        List<String> instances = stage.getSuperExecution() == null ? List.of(stageInstance)
                : List.of(stage.getSuperExecution().getProcessInstanceId(), stageInstance);
        EngineCommand.withoutAuthorization(() -> {
            for (String instance : instances) {
                grants.toUser(counsel, PROCESS_INSTANCE, instance, READ);
            }
            var tasks = execution.getProcessEngineServices().getTaskService();
            for (Task task : tasks.createTaskQuery().processInstanceId(stageInstance)
                    .taskDefinitionKey("PrepareAnswerTask").list()) {
                tasks.addCandidateUser(task.getId(), counsel);
            }
            return null;
        });
        execution.setVariable("counsel", counsel);
        execution.setVariable("counselName", counsels().stream().filter(u -> u.getId().equals(counsel))
                .map(CounselAssignment::displayName).findFirst().orElse(counsel));
    }

    private List<User> counsels() {
        return identity.createUserQuery().memberOfGroup(UnitDirectory.LEGAL_COUNSEL_OFFICE).orderByUserId().asc().list();
    }

    private static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).strip();
        return name.isEmpty() ? user.getId() : name;
    }
}
