package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The due and follow-up date controls of a task's header (README「期限不可由承办人修改」): a handler does not see them;
 * an administrator does, and moving a due date asks for the reason, which ends up on the task.
 */
@IntegrationTest
@Tag("browser")
class DueDateControlsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void onlyAnAdministratorSeesTheDateControlsAndGivesAReason() throws Exception {
        Map<String, Object> data = TestCases.natresCase();
        new CaseWalk(runtime, tasks).register(data);
        Task task = new CaseWalk(runtime, tasks).task((String) data.get("caseNumber"), "DraftHandlingProposalTask");
        tasks.claim(task.getId(), "justice");

        try (Browser browser = SignIn.toTasklist(port, "justice")) {
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"),
                    "拟定办理建议"));
            assertThat(browser.all(By.cssSelector("ul.meta.dates"))).as("Tasklist renders the controls").isNotEmpty()
                    .noneMatch(WebElement::isDisplayed);
        }

        try (Browser browser = SignIn.toTasklist(port, "demo")) {
            browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
            browser.waiting(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.meta.dates")));
            // Tasklist saves a date as PUT …/task/{id} with the whole task: send that request the way it does.
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            // The browser's own prompt answers as the administrator would.
            page.executeScript("window.prompt = (q) => { window.__asked = q; return '法院延长答辩期限'; };");
            page.executeScript("const id = arguments[0];"
                    + "const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1];"
                    + "fetch('/camunda/api/engine/engine/default/task/' + id, {credentials: 'same-origin',"
                    + "  headers: {Accept: 'application/json'}}).then(r => r.json()).then(t => {"
                    + "  const x = new XMLHttpRequest();"
                    + "  x.open('PUT', '/camunda/api/engine/engine/default/task/' + id);"
                    + "  x.setRequestHeader('Content-Type', 'application/json');"
                    + "  if (token) { x.setRequestHeader('X-XSRF-TOKEN', decodeURIComponent(token)); }"
                    + "  x.onload = () => { window.__saved = x.status; };"
                    + "  x.send(JSON.stringify({name: t.name, description: t.description, priority: t.priority,"
                    + "    assignee: t.assignee, owner: t.owner, followUp: t.followUp, due: '2099-01-05T23:59:59.000+0800'}));"
                    + "});", task.getId());
            browser.waiting(30).until(d -> page.executeScript("return window.__saved") != null);
            assertThat((String) page.executeScript("return window.__asked")).as("the question asked")
                    .contains("变更理由");
            assertThat(page.executeScript("return window.__saved")).isEqualTo(204L);
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).singleResult().getDueDate())
                .isEqualTo(LegalClock.endOfDay(LocalDate.of(2099, 1, 5)));
        assertThat(tasks.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
                .anySatisfy(m -> assertThat(m).contains("理由：法院延长答辩期限"));
    }
}
