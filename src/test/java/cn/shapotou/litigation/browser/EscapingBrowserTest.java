package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Text is shown as text, never run. The application refuses angle brackets at the door (web.PlainText), but an
 * administrator can still write any variable through the engine; whatever a case holds, Tasklist's forms and
 * Cockpit's variable table show it without running it.
 */
@IntegrationTest
@Tag("browser")
class EscapingBrowserTest {

    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\">张某某&amp;<script>window.__xss=2</script>";

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void markupInACaseIsShownAsTextInTasklistAndCockpit() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        rest.withBasicAuth("office", "demo").postForObject("/api/cases", data, Map.class);
        Task draft = tasks.createTaskQuery().processInstanceBusinessKey((String) data.get("caseNumber"))
                .taskDefinitionKey("DraftHandlingProposalTask").singleResult();
        String task = draft.getId();
        // The intake stage holds its own copy of the case data, which its forms show.
        String instance = draft.getProcessInstanceId();
        runtime.setVariable(instance, "plaintiff", HOSTILE);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            browser.loginToTasklist("justice", "demo");
            browser.open("/camunda/app/tasklist/default/#/?task=" + task);
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".fjs-container"), "张某某"));
            // form-js renders a text field's template as sanitised HTML: tags may remain, handlers and scripts go.
            assertThat(browser.all(By.cssSelector(".fjs-container script, .fjs-container [onerror]"))).isEmpty();
            assertThat(page.executeScript("return window.__xss === undefined")).as("nothing ran in Tasklist")
                    .isEqualTo(true);
            browser.screenshot("escaping-tasklist");

            browser.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime?tab=variables-tab");
            browser.waiting(60).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector("body"), "<img src=x onerror="));
            assertThat(browser.all(By.cssSelector("img[src='x']"))).isEmpty();
            assertThat(page.executeScript("return window.__xss === undefined")).as("nothing ran in Cockpit")
                    .isEqualTo(true);
            browser.screenshot("escaping-cockpit");
        }
    }
}
