package cn.shapotou.litigation.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.EngineTestState;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Overdue work is charged to whoever holds it, and a statutory court deadline at risk reaches the district leaders:
 * the statutory answer charged along the steps of 《办法》第十条, a claimed task to its unit, the leaders reminded two
 * days before the answer day and an appeal day, once, and named in the escalation when the day passes.
 */
@IntegrationTest
@ExtendWith(EngineTestState.class)
@SuppressWarnings({"unchecked", "rawtypes"})
class EscalationHoldersTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired
    DeadlineWatch watch;
    @Autowired
    OverdueItems overdue;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    ProcessEngine engine;

    private OverdueItem answerItem(String caseNumber) {
        return overdue.now().stream().filter(i -> caseNumber.equals(i.caseNumber()) && i.caseLevel()).findFirst()
                .orElseThrow();
    }

    private String caseInstance(String caseNumber) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("litigation-case")
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private List<String> caseComments(String caseNumber) {
        return tasks.getProcessInstanceComments(caseInstance(caseNumber)).stream().map(Comment::getFullMessage).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> leaderNotes(List<String> comments) {
        return comments.stream().filter(m -> m.startsWith("提醒区政府领导")).toList();
    }

    private List<Task> notices(String caseNumber, String group) {
        return SupervisionTasks.of(engine, caseNumber, group);
    }

    @Test
    void theStatutoryAnswerIsChargedToWhoeverHoldsTheCaseWorkAndAClaimedTaskToItsUnit() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);

        // Received 2026-11-20: the answer is due Monday 2026-12-07; the case is still with the Justice Bureau.
        TestCases.today("2026-12-08");
        OverdueItem answer = answerItem(caseNumber);
        assertThat(answer.unit()).as("drafting the handling proposal (第十条第一款)").isEqualTo("justice-bureau");
        assertThat(answer.unitName()).isEqualTo("区司法局");
        assertThat(answer.holding()).contains("拟定办理建议");

        // Claimed by a person: still the unit's, and who claimed it is shown beside it.
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");
        tasks.claim(draft.getId(), "justice");
        List<Map<String, Object>> rows = rest.withBasicAuth("justice", "demo")
                .getForObject("/api/supervision/overdue", List.class);
        assertThat(rows).filteredOn(r -> draft.getId().equals(r.get("taskId"))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("unit", "justice-bureau").containsEntry("unitName", "区司法局")
                        .containsEntry("assignee", "justice").containsEntry("due", "2026-12-07")
                        .containsEntry("daysOverdue", 1).containsKeys("caseNumber", "item"));
        assertThat(rows).filteredOn(r -> caseNumber.equals(r.get("caseNumber")) && r.get("taskId") == null)
                .singleElement().satisfies(r -> assertThat(r).containsEntry("unit", "justice-bureau"));
        assertThat(answerItem(caseNumber).unit()).as("claimed, still the unit's").isEqualTo("justice-bureau");

        tasks.complete(draft.getId(), Map.of("complexity", "NORMAL", "leadUnit", "natural-resources",
                "coUnits", List.of(), "proposedAppearance", "局长出庭"));
        assertThat(answerItem(caseNumber).unit()).as("approving it").isEqualTo("district-leaders");

        tasks.complete(walk.task(caseNumber, "ApproveHandlingProposalTask").getId(), Map.of("approved", true));
        // 指派法律顾问 and 准备答辩材料 are both open: the materials are late, the counsel only assists (第五条).
        assertThat(walk.tasks(caseNumber, "AssignCounselTask")).hasSize(1);
        answer = answerItem(caseNumber);
        assertThat(answer.unit()).as("preparing the materials (第十条第二款)").isEqualTo("natural-resources");
        assertThat(answer.holders()).containsExactly("natural-resources");

        Task prepare = walk.task(caseNumber, "PrepareAnswerTask");
        walk.filePapers(caseNumber, "natural-resources");
        tasks.complete(prepare.getId(), CaseWalk.materials(List.of(CaseWalk.agent("刘伟", "natural-resources",
                "STAFF", true))));
        assertThat(answerItem(caseNumber).unit()).as("reviewing them").isEqualTo("justice-bureau");
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(), Map.of("reviewPassed", true));
        assertThat(answerItem(caseNumber).unit()).as("sealing and delivering (第十一条)").isEqualTo("district-office");
    }

    @Test
    void theSevenDayMaterialsLimitCappedByTheAnswerDayIsOneDelayWithItAndUncappedItsOwn() {
        // 《办法》第十条第二款: the materials are due 7 days after approval, but not after the statutory answer day.
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> capped = TestCases.natresCase();
        String cappedCase = (String) capped.get("caseNumber");
        walk.register(capped);
        Map<String, Object> own = TestCases.natresCase();
        String ownCase = (String) own.get("caseNumber");
        walk.register(own);
        // Both received 2026-11-20, so the answer is due 2026-12-07. One approved 2026-11-23 (materials due 11-30),
        // the other 2026-12-03 (7 days would be 12-10: capped to 12-07).
        TestCases.today("2026-11-23");
        walk.approveProposal(ownCase);
        TestCases.today("2026-12-03");
        walk.approveProposal(cappedCase);

        TestCases.today("2026-12-08");
        List<OverdueItem> items = overdue.now();
        OverdueItem cappedMaterials = items.stream().filter(i -> cappedCase.equals(i.caseNumber())
                && "准备答辩材料".equals(i.item())).findFirst().orElseThrow();
        assertThat(cappedMaterials.due()).hasToString("2026-12-07");
        assertThat(cappedMaterials.deadline()).isEqualTo(CourtDeadlines.STATUTORY_ANSWER);
        assertThat(cappedMaterials.delay()).isEqualTo(answerItem(cappedCase).delay());

        OverdueItem ownMaterials = items.stream().filter(i -> ownCase.equals(i.caseNumber())
                && "准备答辩材料".equals(i.item())).findFirst().orElseThrow();
        assertThat(ownMaterials.due()).hasToString("2026-11-30");
        assertThat(ownMaterials.deadline()).isEqualTo(CourtDeadlines.ANSWER_MATERIALS);
        assertThat(ownMaterials.delay()).isNotEqualTo(answerItem(ownCase).delay());
    }

    @Test
    void aMissedStatutoryAnswerIsReportedToTheLeadersAndItsTasksNameTheDeadlineTheyShare() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);

        TestCases.today("2026-12-08");
        watch.sweep();
        List<Incident> incidents = runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).list()
                .stream().filter(i -> String.valueOf(i.getIncidentMessage()).contains(caseNumber)).toList();
        assertThat(incidents).extracting(Incident::getIncidentMessage)
                .anySatisfy(m -> assertThat(m).contains("法定答辩期限", "承办：区司法局「拟定办理建议」", "已报区政府领导"))
                .anySatisfy(m -> assertThat(m).contains("拟定办理建议｜区司法局｜逾期1日", "与「法定答辩期限", "为同一期限",
                        "已报区政府领导"));
        assertThat(notices(caseNumber, "district-leaders")).as("the leaders see the 督办 of a court deadline")
                .hasSize(2);
        assertThat(notices(caseNumber, "justice-bureau")).hasSize(2);
        assertThat(overdue.now()).filteredOn(i -> caseNumber.equals(i.caseNumber())).extracting(OverdueItem::delay)
                .as("one delay").containsOnly(caseNumber + "|statutoryAnswer|2026-12-07");
    }

    @Test
    void theLeadersAreRemindedTwoDaysBeforeTheStatutoryAnswerOnceAndTheHoldersOnTheCase() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        Task draft = walk.task(caseNumber, "DraftHandlingProposalTask");

        TestCases.today("2026-12-04");
        watch.sweep();
        assertThat(leaderNotes(caseComments(caseNumber))).as("three days before: not yet").isEmpty();

        TestCases.today("2026-12-05");
        watch.sweep();
        watch.sweep();
        assertThat(leaderNotes(caseComments(caseNumber))).singleElement().asString()
                .contains(caseNumber, "法定答辩期限", "2026年12月7日", "还有2日", "区司法局「拟定办理建议」");
        assertThat(caseComments(caseNumber)).filteredOn(m -> m.startsWith("提醒：案号")).singleElement().asString()
                .contains("法定答辩期限", "还有2日");
        assertThat(leaderNotes(tasks.getTaskComments(draft.getId()).stream().map(Comment::getFullMessage).toList()))
                .as("and on the task that holds it").hasSize(1);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).filteredOn(m -> subject(m).contains("请领导督促") && subject(m).contains(caseNumber))
                .singleElement().satisfies(m -> {
            assertThat(m.getAllRecipients()).extracting(Object::toString).containsExactly("leader@example.gov.cn");
            assertThat(String.valueOf(m.getContent())).contains(caseNumber, "还有2日");
        });

        TestCases.today("2026-12-07");
        watch.sweep();
        watch.sweep();
        assertThat(leaderNotes(caseComments(caseNumber))).as("not repeated").hasSize(1);
        assertThat(caseComments(caseNumber)).filteredOn(m -> m.startsWith("提醒：案号")).hasSize(2)
                .anySatisfy(m -> assertThat(m).contains("今日届满"));
    }

    @Test
    void theLeadersAreRemindedBeforeAnAppealDeadlineOnceWhicheverTaskHoldsItAndToldWhenItPasses() {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        data.put("noticeReceivedOn", "2026-11-25");
        TestCases.today("2026-11-25");
        walk.register(data);
        walk.approveProposal(caseNumber);

        // The first-instance judgment served on 2026-12-01: an appeal is due by Wednesday 2026-12-16 (ALL Art. 85).
        TestCases.today("2026-12-01");
        ResponseEntity<Map> registered = rest.withBasicAuth("office", "demo").postForEntity(
                "/api/cases/{n}/documents", Map.of("kind", "JUDGMENT", "instance", "FIRST", "outcome", "REVOKED",
                        "receivedOn", "2026-12-01"), Map.class, caseNumber);
        assertThat(registered.getStatusCode()).as(String.valueOf(registered.getBody())).isEqualTo(HttpStatus.CREATED);
        TestCases.today("2026-12-02");
        tasks.complete(walk.task(caseNumber, "DraftAppealOpinionTask").getId(),
                Map.of("appealWanted", true, "appealOpinion", "事实认定错误"));
        Task review = walk.task(caseNumber, "ReviewAppealOpinionTask");
        assertThat(tasks.getVariableLocal(review.getId(), "deadlineKey")).isEqualTo("appealJudgment");

        TestCases.today("2026-12-13");
        watch.sweep();
        assertThat(leaderNotes(caseComments(caseNumber))).isEmpty();
        TestCases.today("2026-12-14");
        watch.sweep();
        watch.sweep();
        assertThat(leaderNotes(caseComments(caseNumber))).singleElement().asString()
                .contains("对判决提起上诉", "2026年12月16日", "还有2日", "区司法局「审核上诉意见」");
        assertThat(leaderNotes(tasks.getTaskComments(review.getId()).stream().map(Comment::getFullMessage).toList()))
                .hasSize(1);

        tasks.complete(review.getId(), Map.of("appealRecommended", true, "appealReviewOpinion", "同意"));
        TestCases.today("2026-12-15");
        watch.sweep();
        assertThat(leaderNotes(caseComments(caseNumber))).as("one reminder a deadline, not one a task").hasSize(1);

        TestCases.today("2026-12-17");
        watch.sweep();
        assertThat(runtime.createIncidentQuery().incidentType(DeadlineWatch.INCIDENT_TYPE).list())
                .extracting(Incident::getIncidentMessage).filteredOn(m -> String.valueOf(m).contains(caseNumber))
                .singleElement().asString().contains("决定是否上诉", "对判决提起上诉", "已报区政府领导");
        assertThat(notices(caseNumber, "district-leaders")).hasSize(1);
    }
}
