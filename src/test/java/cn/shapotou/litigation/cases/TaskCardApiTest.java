package cn.shapotou.litigation.cases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/task-cards}: what Tasklist's list shows beside each task, as each user may see it. */
@IntegrationTest
class TaskCardApiTest {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> CARDS = new ParameterizedTypeReference<>() {};

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anOverdueProposalShowsItsCaseDueDayAndDaysOverdue() {
        // Received 2026-11-20; the Justice Bureau's proposal (Art. 10 ¶1) is due within the answer period, long past
        // on 2026-12-28.
        TestCases.today("2026-11-20");
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        new CaseWalk(runtime, tasks).register(data);
        Task draft = new CaseWalk(runtime, tasks).task(caseNumber, "DraftHandlingProposalTask");
        String due = cn.shapotou.litigation.deadlines.LegalClock.dateOf(draft.getDueDate()).toString();
        TestCases.today("2026-12-28");

        Map<String, Object> card = single(cards("justice", draft.getId()));
        assertThat(card).containsEntry("taskId", draft.getId()).containsEntry("caseNumber", caseNumber)
                .containsEntry("due", due).containsEntry("state", "OVERDUE").containsEntry("returns", 0);
        assertThat(((Number) card.get("daysOverdue")).longValue())
                .isEqualTo(java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(due),
                        java.time.LocalDate.of(2026, 12, 28)))
                .isPositive();
        assertThat((String) card.get("dueAt")).startsWith(due + "T23:59:59").endsWith("+08:00");

        // The same task the day it falls due: 今日到期, not yet overdue.
        TestCases.today(due);
        assertThat(single(cards("justice", draft.getId()))).containsEntry("state", "DUE_SOON")
                .containsEntry("daysLeft", 0).containsEntry("daysOverdue", null);
    }

    @Test
    void aReturnedProposalCountsItsReturns() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        CaseWalk walk = new CaseWalk(runtime, tasks);
        walk.register(data);
        for (int round = 1; round <= 2; round++) {
            Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");
            tasks.complete(draft.getId(), Map.of("complexity", "NORMAL", "leadUnit", "natural-resources",
                    "coUnits", List.of(), "proposedAppearance", "局长出庭"));
            tasks.complete(walk.task(caseNumber, "ApproveHandlingProposalTask").getId(),
                    Map.of("approved", false, "approvalRemarks", "请补充负责人出庭安排（第" + round + "次）"));
            assertThat(single(cards("justice", walk.task(caseNumber, "DraftHandlingProposalTask").getId())))
                    .as("after return %d", round).containsEntry("returns", round);
        }
    }

    @Test
    void nobodySeesTheCardOfAnotherUnitsTask() {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        new CaseWalk(runtime, tasks).register(data);
        String justiceTask = new CaseWalk(runtime, tasks).task(caseNumber, "DraftHandlingProposalTask").getId();

        assertThat(cards("natres", justiceTask + ",no-such-task")).isEmpty();
        assertThat(cards("justice", "no-such-task," + justiceTask)).extracting(c -> c.get("taskId"))
                .containsExactly(justiceTask);
    }

    @Test
    void refusesMissingOrTooManyIdsInChinese() {
        ResponseEntity<Map> none = rest.withBasicAuth("justice", "demo").getForEntity("/api/task-cards", Map.class);
        assertThat(none.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(none.getBody().toString()).contains("field=ids", "不能为空");

        String many = String.join(",", java.util.stream.IntStream.rangeClosed(0, TaskCards.MAX_TASKS)
                .mapToObj(i -> "t" + i).toList());
        ResponseEntity<Map> tooMany = rest.withBasicAuth("justice", "demo")
                .getForEntity("/api/task-cards?ids={ids}", Map.class, many);
        assertThat(tooMany.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooMany.getBody().toString()).contains("field=ids", "最多 200 个");

        assertThat(rest.getForEntity("/api/task-cards?ids=x", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private List<Map<String, Object>> cards(String user, String ids) {
        ResponseEntity<List<Map<String, Object>>> response = rest.withBasicAuth(user, "demo")
                .exchange("/api/task-cards?ids={ids}", HttpMethod.GET, null, CARDS, ids);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static Map<String, Object> single(List<Map<String, Object>> cards) {
        assertThat(cards).hasSize(1);
        return cards.get(0);
    }
}
