package cn.shapotou.litigation.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A task's due date is the legal deadline the system computed (src/docs/deadlines.md): a handler cannot move it, an
 * administrator only with a reason, which stays on the task (README「期限不可由承办人修改」).
 */
@IntegrationTest
@SuppressWarnings({"rawtypes", "unchecked"})
class DueDateGuardTest {

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    /**
     * The Justice Bureau's 拟定办理建议, claimed by {@code justice}, who is also granted UPDATE on it: a handler works
     * on a task (TASK_WORK, application.yaml) and cannot save it at all; the guard holds even where a grant would let
     * them.
     */
    private Task proposalTask() {
        Map<String, Object> data = TestCases.natresCase();
        CaseWalk walk = new CaseWalk(runtime, tasks);
        walk.register(data);
        Task task = walk.task((String) data.get("caseNumber"), "DraftHandlingProposalTask");
        tasks.claim(task.getId(), "justice");
        // Claiming gave the assignee TASK_WORK on the task; add UPDATE to that grant.
        Authorization grant = authorizations.createAuthorizationQuery().userIdIn("justice").resourceType(Resources.TASK)
                .resourceId(task.getId()).singleResult();
        grant.addPermission(Permissions.UPDATE);
        authorizations.saveAuthorization(grant);
        return task;
    }

    /** The fields Tasklist's update sends (TaskDto), the due date changed. */
    private Map<String, Object> update(String taskId, Object due) {
        Map<String, Object> current = rest.withBasicAuth("justice", "demo").getForObject("/engine-rest/task/{id}",
                Map.class, taskId);
        Map<String, Object> body = new HashMap<>();
        for (String field : List.of("name", "description", "priority", "assignee", "owner", "followUp")) {
            body.put(field, current.get(field));
        }
        body.put("due", due == null ? current.get("due") : due);
        return body;
    }

    private void moveDueAs(String user, String group, String taskId, LocalDate day) {
        identity.setAuthentication(user, List.of(group));
        try {
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            task.setDueDate(LegalClock.endOfDay(day));
            tasks.saveTask(task);
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void aHandlerCannotMoveTheDueDateThroughTheEngineRestApi() throws Exception {
        Task task = proposalTask();
        java.util.Date due = task.getDueDate();
        assertThat(due).isNotNull();
        Map<String, Object> body = update(task.getId(), "2099-01-01T23:59:59.000+0800");
        ResponseEntity<String> refused = rest.withBasicAuth("justice", "demo").exchange("/engine-rest/task/{id}",
                HttpMethod.PUT, new HttpEntity<>(body), String.class, task.getId());
        assertThat(refused.getStatusCode().is2xxSuccessful()).as(refused.getBody()).isFalse();
        // What Tasklist shows is the message: Chinese only.
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(refused.getBody()).get("message").asText())
                .contains("承办人不能修改", "系统管理员").doesNotContain("Exception").doesNotContain("ENGINE");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate()).isEqualTo(due);

        // Everything else of the task a candidate may still change, e.g. the follow-up date or the priority.
        body = update(task.getId(), null);
        body.put("priority", 60);
        ResponseEntity<String> saved = rest.withBasicAuth("justice", "demo").exchange("/engine-rest/task/{id}",
                HttpMethod.PUT, new HttpEntity<>(body), String.class, task.getId());
        assertThat(saved.getStatusCode()).as(saved.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anAdministratorMovesItOnlyWithAReasonWhichIsRecordedOnTheTask() {
        Task task = proposalTask();
        LocalDate later = LocalDate.of(2099, 1, 5);
        assertThatThrownBy(() -> moveDueAs("justice", "justice-bureau", task.getId(), later))
                .hasMessageContaining("承办人不能修改");
        assertThatThrownBy(() -> moveDueAs("admin", "camunda-admin", task.getId(), later))
                .hasMessageContaining("变更理由");

        tasks.setVariableLocal(task.getId(), DueDateGuard.REASON, "法院延长举证期限，见（2026）宁0502行初1号通知");
        moveDueAs("admin", "camunda-admin", task.getId(), later);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate())
                .isEqualTo(LegalClock.endOfDay(later));
        assertThat(cn.shapotou.litigation.escalation.OverdueTimers.of(engine, task.getProcessInstanceId(), task.getTaskDefinitionKey()).getDuedate())
                .as("the task's overdue timer follows it to 24:00 of the new day")
                .isEqualTo(DeadlineTimers.overdueAt(LegalClock.endOfDay(later)));
        Job reminder = cn.shapotou.litigation.escalation.OverdueTimers.reminderOf(engine, task.getProcessInstanceId(),
                task.getTaskDefinitionKey());
        assertThat(reminder.getDuedate()).as("its reminder timer too: 00:00 two days before the new day")
                .isEqualTo(java.util.Date.from(later.minusDays(2).atStartOfDay(LegalClock.ZONE).toInstant()));
        assertThat(cn.shapotou.litigation.escalation.OverdueTimers.cycleOf(reminder)).as("and its whole cycle")
                .isEqualTo("R1/2099-01-03T00:00:00+08:00/P2D");
        assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage).anySatisfy(m ->
                assertThat(m).contains("admin", "变更为2099-01-05", "理由：法院延长举证期限"));
        assertThat(tasks.getVariableLocal(task.getId(), DueDateGuard.REASON)).as("each change needs its own reason")
                .isNull();
        assertThatThrownBy(() -> moveDueAs("admin", "camunda-admin", task.getId(), later.plusDays(1)))
                .hasMessageContaining("变更理由");
    }

    @Test
    void theSystemItselfStillMovesDueDatesWithoutAReason() {
        Task task = proposalTask();
        Task fresh = tasks.createTaskQuery().taskId(task.getId()).singleResult();
        identity.setAuthentication("justice", List.of("justice-bureau"));
        try {
            DueDateGuard.bySystem(() -> {
                fresh.setDueDate(LegalClock.endOfDay(LocalDate.of(2099, 2, 1)));
                tasks.saveTask(fresh);
            });
        } finally {
            identity.clearAuthentication();
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate())
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2099, 2, 1)));
    }

    @Test
    void tasklistAsksWhoAdministersTheSystem() {
        assertThat(rest.withBasicAuth("justice", "demo").getForObject("/api/me", Map.class))
                .containsEntry("userId", "justice").containsEntry("admin", false);
        assertThat(rest.withBasicAuth("demo", "demo").getForObject("/api/me", Map.class))
                .containsEntry("userId", "demo").containsEntry("admin", true);
        assertThat(rest.getForEntity("/api/me", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
