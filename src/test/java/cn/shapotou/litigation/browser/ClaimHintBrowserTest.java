package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A clerk opens a task nobody has claimed: the form says why it cannot be filled in yet and claims it on request. */
@IntegrationTest
@Tag("browser")
class ClaimHintBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void anUnclaimedTaskSaysSoAboveItsFormAndClaimsOnRequest() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        rest.withBasicAuth("office", "demo").postForEntity("/api/cases", data, Map.class);
        String task = new CaseWalk(runtime, tasks).task(caseNumber, "DraftHandlingProposalTask").getId();

        try (Browser browser = SignIn.toTasklist(port, "justice")) {
            browser.open("/camunda/app/tasklist/default/#/?task=" + task);
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
                    "拟定办理建议"));
            By hint = By.cssSelector(".litigation-claim-hint");
            assertThat(browser.await(hint).getText()).contains("本任务尚未认领", "认领后才能填写和提交");
            browser.screenshot("tasklist-claim-hint");

            browser.driver().findElement(By.cssSelector(".litigation-claim-hint button")).click();
            browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(hint));
            browser.waiting(30).until(d -> "justice".equals(tasks.createTaskQuery().taskId(task).singleResult()
                    .getAssignee()));
        }
    }
}
