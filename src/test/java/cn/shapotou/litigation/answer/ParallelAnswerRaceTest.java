package cn.shapotou.litigation.answer;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.SavePointJobs;
import cn.shapotou.litigation.TestCases;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Two units completing their parallel answer tasks of one case at the same moment, as Tasklist submits them: both are
 * accepted, and the case goes on to the Justice Bureau's review once (《办法》第六条, 第十条第二款). Tagged so that the
 * second run of the suite in another time zone skips it: the race has nothing to do with dates.
 */
@IntegrationTest
@Tag("race")
class ParallelAnswerRaceTest {

    private static final int ROUNDS = 20;

    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    SavePointJobs savePoints;

    @Test
    void twoUnitsSubmittingAtOnceAreBothAcceptedAndTheReviewStartsOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String caseNumber = readyToAnswer();
                CaseWalk walk = new CaseWalk(runtime, tasks);
                List<Task> parts = walk.tasks(caseNumber, "PrepareAnswerTask");
                assertThat(parts).hasSize(2);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
                for (Task part : parts) {
                    String unit = String.valueOf(runtime.getVariable(part.getExecutionId(), "answerUnit"));
                    String user = "housing".equals(unit) ? "housing" : "natres";
                    rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/{id}/claim",
                            Map.of("userId", user), String.class, part.getId());
                    answers.add(pool.submit(() -> {
                        start.await();
                        return rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/{id}/submit-form",
                                Map.of("variables", formValues(unit)), String.class, part.getId());
                    }));
                }
                start.countDown();
                for (Future<ResponseEntity<String>> answer : answers) {
                    ResponseEntity<String> response = answer.get();
                    assertThat(response.getStatusCode().value()).as("round %d: %s", round, response.getBody())
                            .isEqualTo(204);
                }
                        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).as("round %d", round).isEmpty();
                assertThat(walk.tasks(caseNumber, "ReviewAnswerTask")).as("round %d", round).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Each unit's submission ends at the save point after its task (README「事务边界与重试」): it writes its own task
     * only, and the join that starts the review is a job of its own, run once for both.
     */
    @Test
    void eachSubmissionEndsAtItsSavePointAndTheJoinIsAJob() {
        String caseNumber = readyToAnswer();
        CaseWalk walk = new CaseWalk(runtime, tasks);
        SavePointJobs.pause();
        try {
            for (Task part : walk.tasks(caseNumber, "PrepareAnswerTask")) {
                String unit = String.valueOf(runtime.getVariable(part.getExecutionId(), "answerUnit"));
                String user = "housing".equals(unit) ? "housing" : "natres";
                rest.withBasicAuth(user, "demo").postForEntity("/engine-rest/task/{id}/claim", Map.of("userId", user),
                        String.class, part.getId());
                ResponseEntity<String> response = rest.withBasicAuth(user, "demo").postForEntity(
                        "/engine-rest/task/{id}/submit-form", Map.of("variables", formValues(unit)), String.class,
                        part.getId());
                assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(204);
            }
            assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).isEmpty();
            assertThat(walk.tasks(caseNumber, "ReviewAnswerTask")).isEmpty();
            String stage = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .processDefinitionKey("answer-preparation").singleResult().getId();
            // The save points' continuations (the stage's overdue timers wait beside them).
            List<Job> waiting = management.createJobQuery().processInstanceId(stage).messages().list();
            assertThat(waiting).hasSize(2);
            assertThat(waiting).allSatisfy(job -> assertThat(management.createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId())
                    .isEqualTo("PrepareAnswerTask"));
        } finally {
            SavePointJobs.resume();
        }
        savePoints.continueSavePoints();
        assertThat(walk.tasks(caseNumber, "ReviewAnswerTask")).hasSize(1);
    }

    /** A case of the Natural Resources Bureau with the Housing Bureau co-handling, counsel assigned, papers filed. */
    private String readyToAnswer() {
        Map<String, Object> data = TestCases.natresCase();
        data.put("noticeReceivedOn", cn.shapotou.litigation.deadlines.LegalClock.dateOf(
                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()).minusDays(1).toString());
        String caseNumber = (String) data.get("caseNumber");
        CaseWalk walk = new CaseWalk(runtime, tasks);
        walk.register(data);
        tasks.complete(walk.task(caseNumber, "DraftHandlingProposalTask").getId(), Map.of("complexity", "NORMAL",
                "leadUnit", "natural-resources", "coUnits", List.of("housing"), "proposedAppearance", "局长出庭"));
        tasks.complete(walk.task(caseNumber, "ApproveHandlingProposalTask").getId(), Map.of("approved", true));
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        walk.filePapers(caseNumber, "natural-resources");
        walk.filePapers(caseNumber, "housing");
        return caseNumber;
    }

    /** What Tasklist sends for the 准备答辩材料 form: text as String, the agents' dynamic list as JSON. */
    private static Map<String, Object> formValues(String unit) {
        Map<String, Object> values = new HashMap<>();
        CaseWalk.materials(List.of()).forEach((name, value) -> {
            if (!"agents".equals(name)) {
                values.put(name, Map.of("value", value, "type", "String"));
            }
        });
        String agents = Spin.JSON(List.of(CaseWalk.agent("housing".equals(unit) ? "吴刚" : "刘伟", unit, "STAFF", true)))
                .toString();
        values.put("agents", Map.of("value", agents, "type", "Json"));
        return values;
    }
}
