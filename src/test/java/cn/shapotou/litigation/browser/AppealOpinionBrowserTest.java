package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * After the judgment (Art. 13): {@code natres} finds 提出上诉意见 in Tasklist with the judgment and its 5-day deadline
 * explained, decides not to appeal, and the case waits for the plaintiff's appeal or the judgment taking effect.
 */
@IntegrationTest
@Tag("browser")
class AppealOpinionBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    TestRestTemplate rest;

    @Test
    void theLeadUnitDecidesNotToAppealInTasklist() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        data.put("noticeReceivedOn", today.minusDays(9).toString());
        walk.register(data);
        walk.approveProposal(caseNumber);
        walk.deliverAnswer(caseNumber, today.minusDays(5).toString());
        rest.withBasicAuth("office", "demo").postForEntity("/api/cases/{n}/documents", Map.of("kind", "HEARING_NOTICE",
                "receivedOn", today.minusDays(4).toString(), "hearingDate", today.minusDays(2).toString()), Map.class, caseNumber);
        walk.holdHearing(caseNumber, false);
        rest.withBasicAuth("office", "demo").postForEntity("/api/cases/{n}/documents", Map.of("kind", "JUDGMENT",
                "instance", "FIRST", "outcome", "REVOKED", "receivedOn", today.toString()), Map.class, caseNumber);

        try (Browser browser = SignIn.atTask(port, "natres",
                walk.task(caseNumber, "DraftAppealOpinionTask").getId(), "提出上诉意见")) {
            String form = browser.await(By.cssSelector(".fjs-container")).getText();
            assertThat(form).contains(caseNumber, "第一审判决书", "撤销", "报送上诉意见", "第十三条");
            browser.click(By.xpath("//label[contains(., '不上诉')]"));
            browser.screenshot("tasklist-natres-appeal-opinion");
            browser.completeTask();
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("appeal-opinion").count()).isZero();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .messageEventSubscriptionName("DecisionEffective").count()).isEqualTo(1);
    }
}
