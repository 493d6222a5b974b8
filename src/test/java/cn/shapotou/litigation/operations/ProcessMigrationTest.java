package cn.shapotou.litigation.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Cases started on the models of litigation-case 1.4.0 (with answer-preparation 1.1.0, court-appearance 1.0.0,
 * appeal-opinion and loss-analysis 1.0.0, notice-intake 1.0.0; src/test/resources/migration/1.4.0, taken from the
 * history of processes/) at several stages move to the current models (README「运维」) and are then walked to the
 * archive on them. A hearing waiting in the step that court-appearance 1.1.0 no longer has stays on its version,
 * is reported, finishes there and returns to its migrated case.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
@SuppressWarnings({"unchecked", "rawtypes"})
class ProcessMigrationTest {

    /** The stages of the earlier version; retrial and enforcement did not change but for their history time. */
    static final List<String> EARLIER = List.of("litigation-case", "notice-intake", "answer-preparation",
            "court-appearance", "appeal-opinion", "loss-analysis");

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    HistoryService history;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessMigration migration;

    CaseWalk walk;

    @BeforeEach
    void init() {
        walk = new CaseWalk(runtime, tasks);
        TestCases.today("2026-12-01");
    }

    private Deployment deploy(String name, String folder, String suffix) {
        DeploymentBuilder deployment = repository.createDeployment().name(name);
        for (String key : EARLIER) {
            try (InputStream model = getClass().getResourceAsStream(folder + key + suffix)) {
                assertThat(model).as(folder + key + suffix).isNotNull();
                deployment.addInputStream(key + ".bpmn", new java.io.ByteArrayInputStream(model.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return deployment.deploy();
    }

    @Test
    void casesAtEveryStageMoveToTheNewestVersionsAndRunToTheArchive() {
        Deployment earlier = deploy("migration-test-1.4.0", "/migration/1.4.0/", ".bpmn.xml");
        Map<String, ProcessDefinition> old = definitions(earlier);
        assertThat(old.get("litigation-case").getVersionTag()).isEqualTo("1.4.0");
        assertThat(old.get("court-appearance").getVersionTag()).isEqualTo("1.0.0");
        Map<String, ProcessDefinition> current;
        String registered;
        String answering;
        String hearing;
        String majorIssue;
        String judged;
        String awaitingEffect;
        Map<String, Object> before;
        try {
            registered = registered();
            answering = answering();
            hearing = hearingNoticeReceived();
            majorIssue = heard(true);
            assertThat(walk.task(majorIssue, "ReviewMajorIssueReportTask")).isNotNull();
            judged = judged();
            awaitingEffect = awaitingEffect();
            for (String caseNumber : List.of(registered, answering, hearing, majorIssue, judged, awaitingEffect)) {
                assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).list())
                        .allSatisfy(p -> assertThat(p.getProcessDefinitionId())
                                .isIn(old.values().stream().map(ProcessDefinition::getId).toList()));
            }
            before = state(List.of(registered, answering, hearing, majorIssue, judged, awaitingEffect));
        } finally {
            // The current models again, as the application deploys them, whatever happened above.
            current = definitions(deploy("migration-test-current", "/", ".bpmn"));
        }
        assertThat(current.get("litigation-case").getVersionTag())
                .isNotEqualTo(old.get("litigation-case").getVersionTag());

        // Dry run: what would move, what not and why; nothing moves.
        ProcessMigration.Report dryRun = migration.run(false);
        assertThat(dryRun.executed()).isFalse();
        Map<String, ProcessMigration.Group> planned = ours(dryRun, old);
        assertThat(planned.keySet()).containsExactlyInAnyOrderElementsOf(EARLIER.stream()
                .filter(k -> !k.equals("loss-analysis")).toList());
        assertThat(planned.get("litigation-case")).satisfies(g -> {
            assertThat(g.instances()).isEqualTo(6);
            assertThat(g.migrated()).isEqualTo(6);
            assertThat(g.notMigratable()).isEmpty();
            assertThat(g.planErrors()).isEmpty();
            assertThat(g.sourceVersionTag()).isEqualTo("1.4.0");
            assertThat(g.targetVersionTag()).isEqualTo(current.get("litigation-case").getVersionTag());
            assertThat(g.targetDefinitionId()).isEqualTo(current.get("litigation-case").getId());
        });
        assertThat(planned.get("court-appearance")).satisfies(g -> {
            assertThat(g.instances()).isEqualTo(2);
            assertThat(g.migrated()).isEqualTo(1);
            assertThat(g.notMigratable()).singleElement().satisfies(r -> {
                assertThat(r.businessKey()).isEqualTo(majorIssue);
                assertThat(r.reasons()).singleElement().asString().contains("阅处重大问题报告",
                        "ReviewMajorIssueReportTask", "major-issue-report");
            });
        });
        assertThat(planned.get("notice-intake").instances()).isEqualTo(1);
        assertThat(planned.get("answer-preparation").instances()).isEqualTo(1);
        assertThat(planned.get("appeal-opinion").instances()).isEqualTo(1);
        assertThat(planned.values()).allSatisfy(g -> assertThat(g.migrated())
                .isEqualTo(g.instances() - g.notMigratable().size()));
        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(old.get("litigation-case").getId())
                .count()).as("a dry run moves nothing").isEqualTo(6);

        // The migration.
        ProcessMigration.Report done = migration.run(true);
        assertThat(done.executed()).isTrue();
        Map<String, ProcessMigration.Group> moved = ours(done, old);
        assertThat(moved.get("litigation-case").migrated()).isEqualTo(6);
        assertThat(moved.get("court-appearance").migrated()).isEqualTo(1);
        assertThat(moved.get("court-appearance").notMigratable()).extracting(ProcessMigration.Refused::businessKey)
                .containsExactly(majorIssue);
        for (String caseNumber : List.of(registered, answering, hearing, majorIssue, judged, awaitingEffect)) {
            for (ProcessInstance stage : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .list()) {
                String key = stage.getProcessDefinitionId().substring(0, stage.getProcessDefinitionId().indexOf(':'));
                if (caseNumber.equals(majorIssue) && key.equals("court-appearance")) {
                    assertThat(stage.getProcessDefinitionId()).as("refused: stays, untouched")
                            .isEqualTo(old.get(key).getId());
                } else if (current.containsKey(key)) {
                    assertThat(stage.getProcessDefinitionId()).as(caseNumber + " " + key)
                            .isEqualTo(current.get(key).getId());
                }
            }
        }
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(judged).singleResult().getProcessDefinitionId())
                .isEqualTo(current.get("appeal-opinion").getId());
        // The case page names the stages by process key, whatever the version.
        assertThat((List<String>) rest.withBasicAuth("natres", "demo").getForObject("/api/cases/{n}", Map.class,
                answering).get("stages")).containsExactly("answer-preparation");
        // Variables, deadlines and timers (with their due dates) are those the cases had.
        assertThat(state(List.of(registered, answering, hearing, majorIssue, judged, awaitingEffect)))
                .isEqualTo(before);

        // Every open task that serves a case deadline now carries its overdue timer at 24:00 of its deadline day.
        List<org.camunda.bpm.engine.task.Task> deadlineBound = tasks.createTaskQuery()
                .processVariableValueLike("caseNumber", "%").list().stream()
                .filter(t -> List.of(registered, answering, hearing, majorIssue, judged, awaitingEffect)
                        .contains(runtime.createProcessInstanceQuery().processInstanceId(t.getProcessInstanceId())
                                .singleResult().getBusinessKey()))
                .filter(t -> tasks.getVariableLocal(t.getId(), cn.shapotou.litigation.deadlines.DeadlineTasks.KEY_VARIABLE) != null)
                .toList();
        assertThat(deadlineBound).isNotEmpty();
        for (org.camunda.bpm.engine.task.Task task : deadlineBound) {
            assertThat(cn.shapotou.litigation.escalation.OverdueTimers.all(engine, task.getProcessInstanceId(),
                    task.getTaskDefinitionKey())).as(task.getName()).isNotEmpty().allSatisfy(timer -> assertThat(
                    timer.getDuedate()).isEqualTo(cn.shapotou.litigation.deadlines.DeadlineTimers.overdueAt(task.getDueDate())));
            // and its reminder timer, one job on the cycle of its deadline's reminder days
            assertThat(cn.shapotou.litigation.escalation.OverdueTimers.reminders(engine, task.getProcessInstanceId(),
                    task.getTaskDefinitionKey())).as(task.getName()).singleElement().satisfies(timer -> {
                assertThat(cn.shapotou.litigation.escalation.OverdueTimers.cycleOf(timer)).isEqualTo(
                        cn.shapotou.litigation.deadlines.ReminderDays.DEFAULT.cycle(
                                cn.shapotou.litigation.deadlines.LegalClock.dateOf(task.getDueDate()),
                                org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()));
                assertThat(timer.getDuedate()).isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
            });
        }

        ProcessMigration.Report again = migration.run(false);
        assertThat(ours(again, old)).containsOnlyKeys("court-appearance");

        // Each case runs to its end on the current models.
        finishFromRegistration(registered);
        finishFromAnswer(answering);
        finishFromHearingNotice(hearing);
        // The refused hearing ends on its version and returns to its migrated case.
        TestCases.today("2026-12-01");
        tasks.complete(walk.task(majorIssue, "ReviewMajorIssueReportTask").getId(),
                Map.of("majorIssueInstructions", "请法律顾问研究后书面答复。"));
        assertThat(theCase(majorIssue)).isWaitingAt("DecisionReceivedEvent");
        finishFromJudgment(majorIssue);
        TestCases.today("2026-12-11");
        tasks.complete(walk.task(judged, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", "false"));
        finishFromEffect(judged);
        finishAfterTheAppealPeriod(awaitingEffect);

        assertThat(runtime.createProcessInstanceQuery().processDefinitionId(old.get("court-appearance").getId())
                .count()).isZero();
        assertThat(ours(migration.run(false), old)).isEmpty();
    }

    // ---- the cases on the earlier version ----

    /** Registered; the handling proposal is being drafted (notice-intake). */
    private String registered() {
        Map<String, Object> data = TestCases.natresCase();
        walk.register(data);
        return (String) data.get("caseNumber");
    }

    /** Counsel assigned; the units prepare their answer materials (answer-preparation 1.1.0). */
    private String answering() {
        String caseNumber = registered();
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        assertThat(walk.tasks(caseNumber, "PrepareAnswerTask")).hasSize(1);
        return caseNumber;
    }

    /** Answer delivered, hearing notice registered: the appearance is being planned (court-appearance 1.0.0). */
    private String hearingNoticeReceived() {
        String caseNumber = registered();
        walk.approveProposal(caseNumber);
        walk.deliverAnswer(caseNumber, "2026-11-25");
        assertThat(TestCases.courtDocument(rest, caseNumber, Map.of("kind", "HEARING_NOTICE",
                "receivedOn", "2026-11-26", "hearingDate", "2026-11-30")).getBody()).containsEntry("correlated", true);
        assertThat(walk.task(caseNumber, "PlanAppearanceTask")).isNotNull();
        return caseNumber;
    }

    /** The hearing held (the head appears, as court-appearance 1.0.0 knew no approved absence). */
    private String heard(boolean majorIssue) {
        String caseNumber = hearingNoticeReceived();
        tasks.complete(walk.task(caseNumber, "PlanAppearanceTask").getId(),
                CaseWalk.plan(true, List.of(CaseWalk.agent("刘伟", "natural-resources", "STAFF", true))));
        Map<String, Object> record = new HashMap<>(Map.of("hearingOutcome", "HELD", "headAppeared", true,
                "appearedPersons", "王局长、刘伟（区自然资源局）", "leftWithoutPermission", false, "majorIssue", majorIssue));
        if (majorIssue) {
            record.put("majorIssueReport", "原告当庭提出新的赔偿请求");
        }
        tasks.complete(walk.task(caseNumber, "AttendHearingTask").getId(), record);
        return caseNumber;
    }

    /** A first-instance judgment served: the appeal opinion is being drafted (appeal-opinion 1.0.0). */
    private String judged() {
        String caseNumber = heard(false);
        assertThat(theCase(caseNumber)).isWaitingAt("DecisionReceivedEvent");
        judgment(caseNumber);
        assertThat(walk.task(caseNumber, "DraftAppealOpinionTask")).isNotNull();
        TestCases.today("2026-12-01");
        return caseNumber;
    }

    /** No appeal wanted: the case waits for the certificate of effect or an appeal, with the appeal period's timer. */
    private String awaitingEffect() {
        String caseNumber = judged();
        TestCases.today("2026-12-11");
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", "false"));
        assertThat(theCase(caseNumber)).isWaitingAt("AppealOrEffectGateway");
        TestCases.today("2026-12-01");
        return caseNumber;
    }

    private void judgment(String caseNumber) {
        TestCases.today("2026-12-11");
        assertThat(TestCases.courtDocument(rest, caseNumber, Map.of("kind", "JUDGMENT", "instance", "FIRST",
                "outcome", "CLAIMS_DISMISSED", "receivedOn", "2026-12-10")).getBody())
                .containsEntry("correlated", true);
    }

    // ---- the rest of each case, on the current models ----

    private void finishFromRegistration(String caseNumber) {
        TestCases.today("2026-12-01");
        walk.approveProposal(caseNumber);
        walk.deliverAnswer(caseNumber, "2026-11-25");
        finishFromHearingNoticeReceipt(caseNumber);
    }

    private void finishFromAnswer(String caseNumber) {
        TestCases.today("2026-12-01");
        for (Task part : walk.tasks(caseNumber, "PrepareAnswerTask")) {
            Object unit = runtime.getVariable(part.getExecutionId(), "answerUnit");
            walk.filePapers(caseNumber, String.valueOf(unit));
            tasks.complete(part.getId(), CaseWalk.materials(List.of(CaseWalk.agent("刘伟", String.valueOf(unit),
                    "STAFF", true))));
        }
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(), Map.of("reviewPassed", true));
        if (!walk.tasks(caseNumber, "WriteUpheldReportTask").isEmpty()) {
            walk.reportUpheldAnswer(caseNumber);
        }
        tasks.complete(walk.task(caseNumber, "SealAndDeliverTask").getId(),
                Map.of("sealed", true, "deliveredOn", "2026-11-25", "deliveryMethod", "IN_PERSON"));
        finishFromHearingNoticeReceipt(caseNumber);
    }

    private void finishFromHearingNoticeReceipt(String caseNumber) {
        assertThat(TestCases.courtDocument(rest, caseNumber, Map.of("kind", "HEARING_NOTICE",
                "receivedOn", "2026-11-26", "hearingDate", "2026-11-30")).getBody()).containsEntry("correlated", true);
        finishFromHearingNotice(caseNumber);
    }

    /** On court-appearance 1.1.0: the head cannot appear, the leaders approve it (法释〔2020〕3号第八条). */
    private void finishFromHearingNotice(String caseNumber) {
        TestCases.today("2026-12-01");
        walk.holdHearing(caseNumber, false);
        assertThat(theCase(caseNumber)).isWaitingAt("DecisionReceivedEvent");
        finishFromJudgment(caseNumber);
    }

    private void finishFromJudgment(String caseNumber) {
        judgment(caseNumber);
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(), Map.of("appealWanted", "false"));
        finishFromEffect(caseNumber);
    }

    private void finishFromEffect(String caseNumber) {
        TestCases.today("2026-12-29");
        assertThat(TestCases.courtDocument(rest, caseNumber, Map.of("kind", "EFFECTIVE", "receivedOn", "2026-12-29",
                "effectiveOn", "2026-12-26")).getBody()).containsEntry("correlated", true);
        followUpAndArchive(caseNumber);
    }

    /** The appeal period's timer, kept through the migration, fires; the district office confirms the effect. */
    private void finishAfterTheAppealPeriod(String caseNumber) {
        Job timer = management.createJobQuery().processInstanceId(theCase(caseNumber).getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(LegalClock.endOfDay(LocalDate.of(2026, 12, 25)));
        TestCases.today("2026-12-28");
        management.executeJob(timer.getId());
        tasks.complete(walk.task(caseNumber, "ConfirmEffectTask").getId(), Map.of("effectStatus", "EFFECTIVE",
                "effectiveOn", "2026-12-26", "effectCheckNotes", "电话询问区法院立案庭，原告未上诉。"));
        followUpAndArchive(caseNumber);
    }

    private void followUpAndArchive(String caseNumber) {
        ProcessInstance theCase = theCase(caseNumber);
        tasks.complete(walk.task(caseNumber, "FollowUpTask").getId(),
                Map.of("ownPerformance", "NOT_APPLICABLE", "followUp", "NONE"));
        tasks.complete(walk.task(caseNumber, "ArchiveTask").getId(), Map.of("archiveNumber",
                "沙司应诉-2026-" + Math.abs(caseNumber.hashCode()),
                "archivedOn", LegalClock.dateOf(ClockUtil.getCurrentTime()).toString()));
        assertThat(theCase).isEnded().hasPassed("CaseClosedEndEvent");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(theCase.getId()).singleResult()
                .getProcessDefinitionId()).as("ended on the current version")
                .isEqualTo(repository.createProcessDefinitionQuery().processDefinitionKey("litigation-case")
                        .latestVersion().singleResult().getId());
    }

    // ---- helpers ----

    private ProcessInstance theCase(String caseNumber) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult();
    }

    private Map<String, ProcessDefinition> definitions(Deployment deployment) {
        return repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).list().stream()
                .collect(Collectors.toMap(ProcessDefinition::getKey, d -> d));
    }

    /** The report's groups of the earlier version this test deployed, by process key. */
    private static Map<String, ProcessMigration.Group> ours(ProcessMigration.Report report,
                                                            Map<String, ProcessDefinition> old) {
        List<String> ids = old.values().stream().map(ProcessDefinition::getId).toList();
        return report.groups().stream().filter(g -> ids.contains(g.sourceDefinitionId()))
                .collect(Collectors.toMap(ProcessMigration.Group::processKey, g -> g));
    }

    /** Every variable, open task (with its due date) and timer (with its due date) of the cases' instances. */
    private Map<String, Object> state(List<String> caseNumbers) {
        Map<String, Object> state = new TreeMap<>();
        for (String caseNumber : caseNumbers) {
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                    .list()) {
                String at = caseNumber + "/" + instance.getId();
                runtime.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
                        .disableCustomObjectDeserialization().list().forEach(v -> state.put(at + "/var/"
                                + v.getName() + "@" + v.getActivityInstanceId(), String.valueOf(
                                v.getTypedValue() instanceof org.camunda.bpm.engine.variable.value.SerializableValue s
                                        ? s.getValueSerialized() : v.getValue())));
                tasks.createTaskQuery().processInstanceId(instance.getId()).list().forEach(t -> state.put(at
                        + "/task/" + t.getTaskDefinitionKey() + "/" + t.getId(), millis(t.getDueDate())));
                // The overdue and reminder timers are new in the current models: the migration adds them (checked on
                // their own).
                management.createJobQuery().processInstanceId(instance.getId()).list().stream()
                        .filter(j -> !String.valueOf(management.createJobDefinitionQuery()
                                .jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId())
                                .endsWith(cn.shapotou.litigation.deadlines.DeadlineTimers.SUFFIX))
                        .filter(j -> !String.valueOf(management.createJobDefinitionQuery()
                                .jobDefinitionId(j.getJobDefinitionId()).singleResult().getActivityId())
                                .endsWith(cn.shapotou.litigation.deadlines.DeadlineTimers.REMINDER_SUFFIX))
                        .forEach(j -> state.put(at + "/job/" + j.getId(), millis(j.getDuedate())));
            }
        }
        assertThat(state.keySet()).anySatisfy(k -> assertThat(k).contains("/job/"));
        return state;
    }

    private static String millis(Date date) {
        return date == null ? "-" : String.valueOf(date.getTime());
    }
}
