package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.escalation.DeadlineWatch;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One 督办 (《办法》第三条) walked through Tasklist by its people: {@code justice} issues it by 督办通知书 and downloads
 * the notice from the form, {@code natres} replies (a day already past is refused, naming the field), {@code justice}
 * reports the reply to the district leaders and {@code leader} finds 「督办：区政府领导阅处」.
 */
@IntegrationTest
@Tag("browser")
class SupervisionFormsBrowserTest {

    private static final By FORM = By.cssSelector(".fjs-container");
    /** Tasklist's notices of a failed submission. */
    private static final By REFUSAL = By.cssSelector("[notifications-panel] .alert, .notifications-panel .alert");

    @LocalServerPort
    int port;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    DeadlineWatch watch;
    @Autowired
    LegalClock clock;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    @Test
    void justiceIssuesNatresRepliesJusticeReportsItAndTheLeadersSeeIt() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        LocalDate today = clock.today();
        data.put("noticeReceivedOn", today.minusDays(40).toString());
        walk.register(data);
        // The natural resources bureau now prepares the answer, long past its deadline.
        walk.approveProposal(caseNumber);
        cn.shapotou.litigation.escalation.OverdueTimers.fireDue(engine, caseNumber);
        watch.sweep();
        String instance = natresSupervision(caseNumber);
        String item = String.valueOf(runtime.getVariable(instance, "item"));
        String due = String.valueOf(runtime.getVariable(instance, "due"));
        long daysOverdue = ((Number) runtime.getVariable(instance, "daysOverdue")).longValue();

        try (Browser browser = SignIn.atTask(port, "justice", task(instance, "IssueSupervisionTask").getId(), "发出督办")) {
            String form = text(browser);
            assertThat(form).as("which case, which item, whose, due when, how late")
                    .contains(caseNumber, item, "区自然资源局", due, daysOverdue + " 日", "第三条", "同时报区政府领导");
            assertThat(browser.await(By.cssSelector(".task-details .meta .groups")).getText())
                    .as("who it is offered to, by name").contains("区司法局", "区政府领导").doesNotContain("district-leaders");
            // The case's several 督办 differ in the list by the item each is about.
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasks]"),
                    "督办事项：" + item + "，期限 " + due + "，已逾期 " + daysOverdue + " 日"));
            Map<String, Object> casePage = fetch(browser, browser.await(By.xpath(
                    "//div[contains(@class,'fjs-container')]//a[normalize-space(.)='案件']")).getAttribute("href"));
            assertThat(casePage).as("the case link opens the case page").containsEntry("status", 200L)
                    .containsEntry("type", "text/html");
            browser.click(By.xpath("//label[contains(., '督办通知书')]"));
            WebElement notice = browser.await(By.xpath("//div[contains(@class,'fjs-container')]"
                    + "//a[contains(@href, '/notice.pdf')]"));
            Map<String, Object> download = fetch(browser, notice.getAttribute("href"));
            assertThat(download).as("the 督办通知书 link of the form").containsEntry("status", 200L)
                    .containsEntry("type", "application/pdf").containsEntry("magic", "%PDF");
            type(browser, "supervisionRemarks", "请于三日内完成答辩材料并书面答复区司法局。");
            // The form from its heading, as the clerk first sees it.
            ((JavascriptExecutor) browser.driver()).executeScript("for (let e = arguments[0]; e; e = e.parentElement)"
                    + " { e.scrollTop = 0; }", browser.await(FORM));
            browser.screenshotForReadme("tasklist-supervision-issue");
            browser.completeTask();
            browser.logout();
        }
        assertThat(runtime.getVariable(instance, "supervisionMethodName")).isEqualTo("督办通知书");

        try (Browser browser = SignIn.toTasklist(port, "natres")) {
            String replyTask = task(instance, "ReplySupervisionTask").getId();
            browser.openAndClaim(replyTask, "答复督办");
            assertThat(text(browser)).contains(caseNumber, item, "督办通知书", "请于三日内完成答辩材料");
            type(browser, "delayReason", "现场勘查尚未完成，答辩材料正在补充证据。");
            // Two days back: a day past both here (Asia/Shanghai) and in the headless browser's own UTC.
            date(browser, "expectedCompletionOn", today.minusDays(2));
            browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(FORM,
                    "预计完成日期不能早于今天，请重新选择"));
            browser.screenshot("tasklist-natres-supervision-reply-past-day");
            String refusal = refusalAfterComplete(browser);
            browser.screenshot("tasklist-natres-supervision-reply-refused");
            assertThat(refusal).as("what Tasklist says").contains("预计完成日期不能早于今天（" + today + "）")
                    .doesNotContain("expectedCompletionOn");
            assertThat(tasks.createTaskQuery().taskId(replyTask).count()).as("nothing changes").isEqualTo(1);
            assertThat(runtime.getVariable(instance, "expectedCompletionOn")).isNull();

            // The form stays as it was: the clerk closes the notice and corrects the day.
            ((JavascriptExecutor) browser.driver()).executeScript("document.querySelectorAll("
                    + "'[notifications-panel] .alert .close').forEach(b => b.click());");
            date(browser, "expectedCompletionOn", today.plusDays(3));
            browser.screenshot("tasklist-natres-supervision-reply");
            browser.completeTask();
        }
        assertThat(runtime.getVariable(instance, "expectedCompletionOn")).isEqualTo(today.plusDays(3).toString());

        try (Browser browser = SignIn.atTask(port, "justice",
                task(instance, "ReviewSupervisionReplyTask").getId(), "审查督办答复")) {
            assertThat(text(browser)).contains(caseNumber, "现场勘查尚未完成", today.plusDays(3).toString());
            browser.click(By.xpath("//label[contains(., '报区政府领导')]"));
            type(browser, "reviewOpinion", "答辩期限已过，答复理由不充分，报请区政府领导督促。");
            browser.screenshot("tasklist-justice-supervision-review");
            browser.completeTask();
        }

        Task read = task(instance, "LeadersReadSupervisionTask");
        try (Browser browser = SignIn.toTasklist(port, "leader")) {
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[cam-tasks]"),
                    "督办：区政府领导阅处"));
            browser.openAndClaim(read.getId(), "督办：区政府领导阅处");
            assertThat(text(browser)).contains(caseNumber, item, "现场勘查尚未完成", "答复理由不充分");
            browser.screenshot("tasklist-leader-supervision-read");
        }
    }

    /** The 督办 of the statutory answer, charged to the natural resources bureau, past its start (the tests run no job executor). */
    private String natresSupervision(String caseNumber) {
        for (Job job : management.createJobQuery().processDefinitionKey("supervision").list()) {
            if (caseNumber.equals(runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                    .singleResult().getBusinessKey())) {
                management.executeJob(job.getId());
            }
        }
        List<String> natres = runtime.createProcessInstanceQuery().processDefinitionKey("supervision")
                .processInstanceBusinessKey(caseNumber).variableValueEquals("unit", "natural-resources")
                .variableValueEquals("courtDeadlineMissed", true).list()
                .stream().map(p -> p.getId()).toList();
        assertThat(natres).as("the 督办 of the natural resources bureau").isNotEmpty();
        return natres.get(0);
    }

    private Task task(String instance, String definitionKey) {
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(definitionKey).singleResult();
        assertThat(task).as(definitionKey).isNotNull();
        return task;
    }

    private static String text(Browser browser) {
        return browser.await(FORM).getText();
    }

    private static void type(Browser browser, String key, String value) {
        WebElement field = browser.await(By.cssSelector(".fjs-container [id$='-" + key + "']"));
        field.clear();
        field.sendKeys(value);
    }

    /** form-js's date field takes mm/dd/yyyy as typed and submits an ISO date. */
    private static void date(Browser browser, String key, LocalDate day) {
        WebElement field = browser.await(By.cssSelector(".fjs-container input[id$='-" + key + "-date']"));
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        // Dates are typed as yyyy-MM-dd whatever the browser's own date format (README「界面语言」).
        field.sendKeys(day.toString());
        field.sendKeys(Keys.ENTER);
    }

    /** Downloads what a link points to in the signed-in browser, as a click would: status, type, first bytes. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetch(Browser browser, String href) {
        return (Map<String, Object>) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(async r => {"
                + "  const bytes = new Uint8Array(await r.arrayBuffer());"
                + "  done({status: r.status, type: (r.headers.get('content-type') || '').split(';')[0],"
                + "        magic: String.fromCharCode(...bytes.slice(0, 4))});"
                + "}).catch(e => done({status: -1, type: String(e), magic: ''}));", href);
    }

    /**
     * Presses 完成 and returns what refuses the submission: the form's own message under the field, when it keeps the
     * button disabled, or Tasklist's notification with the server's reason.
     */
    private static String refusalAfterComplete(Browser browser) throws InterruptedException {
        Thread.sleep(800);
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        WebElement complete = browser.driver().findElement(By.xpath("//button[@ng-click='complete()']"));
        if (complete.isEnabled()) {
            js.executeScript("arguments[0].scrollIntoView({block:'center'}); arguments[0].click();", complete);
            try {
                browser.waiting(30).until(d -> !d.findElements(REFUSAL).isEmpty());
            } catch (org.openqa.selenium.TimeoutException e) {
                try {
                    browser.screenshot("debug-refusal");
                } catch (java.io.IOException ignored) {
                }
                throw new AssertionError("no refusal shown; page: "
                        + browser.driver().findElement(By.tagName("body")).getText(), e);
            }
            return browser.driver().findElements(REFUSAL).stream().map(WebElement::getText)
                    .collect(java.util.stream.Collectors.joining(" / "));
        }
        return browser.await(By.cssSelector(".fjs-container .fjs-form-field-error")).getText();
    }
}
