package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
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
 * The 7-day answer as its users do it in Tasklist: {@code natres} fills the answer materials, {@code justice} returns
 * them once, {@code natres} corrects and resubmits, {@code office} opens the power of attorney and seals and delivers.
 */
@IntegrationTest
@Tag("browser")
class AnswerMaterialsBrowserTest {

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void answerReturnedOnceThenSealedAndDelivered() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.loginToTasklist("natres", "demo");
            openTask(browser, walk.task(caseNumber, "PrepareAnswerTask"), "准备答辩材料");
            type(browser, "textarea[id$='-draftDefence']", "答辩人作出的处罚决定认定事实清楚。");
            type(browser, "textarea[id$='-evidenceList']", "1. 现场勘验笔录");
            type(browser, "textarea[id$='-normativeDocuments']", "《中华人民共和国土地管理法》第七十七条");
            type(browser, "input[id$='-legalRepresentativeName']", "马区长");
            type(browser, "input[id$='-legalRepresentativePost']", "区长");
            type(browser, "input[id$='-agent1Name']", "刘伟");
            type(browser, "input[id$='-agent1Post']", "执法科科长");
            WebElement unit = browser.driver().findElement(By.cssSelector("input[id$='-agent1Unit']"));
            unit.click();
            unit.sendKeys("区自然资源局");
            browser.await(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '区自然资源局')]")).click();
            click(browser, By.xpath("(//label[contains(., '行政机关工作人员')])[1]"));
            click(browser, By.xpath("(//label[contains(., '被诉行政行为的承办人或熟悉相关业务')])[1]"));
            click(browser, By.xpath("(//label[normalize-space(.)='一般授权'])[1]"));
            browser.screenshot("tasklist-natres-prepare-answer");
            complete(browser);
        }
        assertThat(walk.tasks(caseNumber, "ReviewAnswerTask")).hasSize(1);

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.loginToTasklist("justice", "demo");
            openTask(browser, walk.task(caseNumber, "ReviewAnswerTask"), "审核答辩材料");
            assertThat(browser.driver().findElement(By.cssSelector(".fjs-container")).getText()).contains("刘伟", "现场勘验笔录");
            click(browser, By.xpath("//label[contains(., '退回承办单位修改')]"));
            type(browser, "textarea[id$='-reviewRemarks']", "证据清单缺少送达回证");
            browser.screenshot("tasklist-justice-review-return");
            complete(browser);
        }

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.loginToTasklist("natres", "demo");
            openTask(browser, walk.task(caseNumber, "PrepareAnswerTask"), "准备答辩材料");
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".fjs-container"), "证据清单缺少送达回证"));
            WebElement evidence = browser.driver().findElement(By.cssSelector("textarea[id$='-evidenceList']"));
            assertThat(evidence.getAttribute("value")).as("the returned answer comes back filled in").isEqualTo("1. 现场勘验笔录");
            evidence.sendKeys(Keys.END, "\n2. 送达回证", Keys.TAB);
            browser.screenshot("tasklist-natres-rework");
            complete(browser);
        }
        tasks.complete(walk.task(caseNumber, "ReviewAnswerTask").getId(), Map.of("reviewPassed", true));

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.loginToTasklist("office", "demo");
            openTask(browser, walk.task(caseNumber, "SealAndDeliverTask"), "盖章送达");
            WebElement link = browser.await(By.xpath("//a[contains(., '授权委托书')]"));
            String pdf = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {"
                            + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));"
                            + "}).catch(e => done('ERROR ' + e));", link.getAttribute("href"));
            byte[] bytes = Base64.getDecoder().decode(pdf);
            Files.createDirectories(Browser.SCREENSHOTS);
            Files.write(Browser.SCREENSHOTS.resolve("power-of-attorney.pdf"), bytes);
            try (var document = Loader.loadPDF(bytes)) {
                assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", ""))
                        .contains("授权委托书", "刘伟", "执法科科长", "区自然资源局", caseNumber);
            }
            click(browser, By.xpath("//label[contains(., '已加盖区人民政府公章')]"));
            WebElement date = browser.driver().findElement(By.cssSelector("input[id$='-deliveredOn-date']"));
            java.time.LocalDate yesterday = java.time.LocalDate.now().minusDays(1);
            date.sendKeys(String.format("%02d/%02d/%d", yesterday.getMonthValue(), yesterday.getDayOfMonth(),
                    yesterday.getYear()));
            date.sendKeys(Keys.ENTER);
            click(browser, By.xpath("//label[contains(., '当面递交')]"));
            browser.screenshot("tasklist-office-seal-and-deliver");
            complete(browser);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("answer-preparation").count()).isZero();
        assertThat(runtime.createExecutionQuery().processInstanceBusinessKey(caseNumber)
                .activityId("HearingNoticeReceivedEvent").count()).isEqualTo(1);
    }

    private static void openTask(Browser browser, Task task, String heading) {
        browser.open("/camunda/app/tasklist/default/#/?task=" + task.getId());
        browser.await(By.cssSelector(".fjs-container"));
        browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), heading));
        // A candidate claims the task before working on it, as in Tasklist.
        By claim = By.xpath("//*[(self::button or self::a) and normalize-space(.)='Claim']");
        browser.await(claim).click();
        browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(claim));
        browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
        // Claiming reloads the form: wait until it is there again before typing.
        browser.await(By.cssSelector(".fjs-container"));
        browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-container"), heading));
    }

    /** Scrolls the element to the middle first: Tasklist's fixed footer covers the bottom of the form. */
    private static void click(Browser browser, By by) {
        WebElement element = browser.await(by);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'});", element);
        element.click();
    }

    private static void type(Browser browser, String css, String text) {
        browser.driver().findElement(By.cssSelector(css)).sendKeys(text, Keys.TAB);
    }

    private static void complete(Browser browser) throws InterruptedException {
        // form-js passes typed text on after a short debounce; give it that moment, as a person's hand would.
        Thread.sleep(800);
        By completeButton = By.xpath("//button[@ng-click='complete()']");
        try {
            browser.waiting(30).until(d -> d.findElement(completeButton).isEnabled());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("form not valid: " + ((JavascriptExecutor) browser.driver()).executeScript(
                    "return Array.from(document.querySelectorAll('.fjs-container input, .fjs-container textarea'))"
                    + ".map(i => i.id + '=' + (i.type === 'radio' || i.type === 'checkbox' ? i.checked : i.value)).join(' | ')"), e);
        }
        // Tasklist's footer overlaps the button in a short window: click it the way a script would.
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'});"
                + "arguments[0].click();", browser.driver().findElement(completeButton));
        browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
    }
}
