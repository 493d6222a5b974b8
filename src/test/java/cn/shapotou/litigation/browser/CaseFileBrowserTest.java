package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit's case handler keeps the case file from the task they work on: {@code natres} opens 「案卷材料」 on the answer
 * task, uploads evidence and the complaint copy, downloads the evidence byte for byte, adds its second version and
 * looks at the first; a file too large or of a refused kind is answered in Chinese; a task of no case says so.
 */
@IntegrationTest
@Tag("browser")
class CaseFileBrowserTest {

    private static final By TAB = By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space(.)='案卷材料']");
    private static final By LIST = By.cssSelector(".litigation-casefile .casefile-list");
    private static final By STATUS = By.cssSelector(".litigation-casefile .casefile-status");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void uploadDownloadAndSecondVersionFromTheTaskTab() throws Exception {
        CaseWalk walk = new CaseWalk(runtime, tasks);
        Map<String, Object> data = TestCases.natresCase();
        String caseNumber = (String) data.get("caseNumber");
        walk.register(data);
        walk.approveProposal(caseNumber);
        tasks.complete(walk.task(caseNumber, "AssignCounselTask").getId(), Map.of("counsel", "counsel"));
        String answerTask = walk.task(caseNumber, "PrepareAnswerTask").getId();
        Task loose = tasks.newTask();
        loose.setName("整理本局年度档案");
        loose.setAssignee("natres");
        tasks.saveTask(loose);

        Path folder = Files.createTempDirectory("case-file");
        byte[] first = pdf("Site inspection record, version 1");
        byte[] second = pdf("Site inspection record, version 2 with the service receipt");
        Path evidence = Files.write(folder.resolve("现场勘验笔录.pdf"), first);
        Path complaint = Files.write(folder.resolve("起诉状副本.pdf"), pdf("Complaint copy"));
        Path secondDir = Files.createDirectories(folder.resolve("v2"));
        Path evidence2 = Files.write(secondDir.resolve("现场勘验笔录（补送达回证）.pdf"), second);
        Path notPdf = Files.writeString(folder.resolve("说明.pdf"), "这不是一份 PDF 文件，只是文字。");
        Path huge = folder.resolve("卷宗扫描件.pdf");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(50L * 1024 * 1024 + 1); // sparse: costs no disk, is still over the limit
        }

        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.driver().manage().window().setSize(new Dimension(1280, 800));
            browser.loginToTasklist("natres", "demo");
            browser.consoleErrors(); // the sign-in page asks who is logged in before anyone is: 404s not of this tab
            openTab(browser, answerTask, "准备答辩材料");
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(LIST, "本案尚无案卷材料"));
            assertThat(text(browser, ".litigation-casefile .casefile-head")).contains("案号：" + caseNumber);
            WebElement casePage = browser.await(By.cssSelector(".litigation-casefile .casefile-case-page"));
            assertThat(casePage.getText()).isEqualTo("打开案件页面");
            assertThat(casePage.getAttribute("target")).isEqualTo("_blank");
            assertThat(casePage.getAttribute("href")).endsWith("/cases/" + java.net.URLEncoder.encode(caseNumber,
                    java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));

            // Refused before sending: nothing leaves the browser, the clerk learns why in Chinese.
            chooseFile(browser, huge);
            browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(STATUS, "超过 50 MB 的上限"));
            browser.click(By.cssSelector(".litigation-casefile .casefile-submit"));
            assertThat(text(browser, ".litigation-casefile .casefile-status")).contains("请选择材料类别");
            category(browser, "EVIDENCE");
            browser.click(By.cssSelector(".litigation-casefile .casefile-submit"));
            assertThat(text(browser, ".litigation-casefile .casefile-status")).contains("超过 50 MB 的上限");
            assertThat(text(browser, ".litigation-casefile .casefile-list")).contains("本案尚无案卷材料");
            assertThat(browser.consoleErrors()).as("console before the refused upload").isEmpty();

            // Refused by the server for what the file is, whatever its name says.
            chooseFile(browser, notPdf);
            browser.click(By.cssSelector(".litigation-casefile .casefile-submit"));
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(STATUS, "不接受"));
            assertThat(browser.driver().findElement(STATUS).getAttribute("class")).contains("alert-danger");
            browser.consoleErrors(); // the 415 itself is logged by the browser

            // Dragged from the desktop onto the drop zone, as the browser itself delivers it.
            browser.waiting(30).until(d -> d.findElement(By.cssSelector(".litigation-casefile .casefile-submit")).isEnabled());
            dropFile(browser, complaint);
            browser.waiting(10).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".litigation-casefile .casefile-drop"), "已选择：起诉状副本.pdf"));
            category(browser, "COMPLAINT");
            browser.click(By.cssSelector(".litigation-casefile .casefile-submit"));
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(STATUS, "已上传"));
            upload(browser, evidence, "EVIDENCE", "现场勘验笔录");
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(STATUS, "已上传「现场勘验笔录」"));
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(LIST, "现场勘验笔录"));
            String list = text(browser, ".litigation-casefile .casefile-list");
            assertThat(list).contains("起诉状副本", "证据", "现场勘验笔录.pdf", "PDF", "KB", "第1版", "刘伟");
            assertThat(list.indexOf("起诉状副本")).as("categories in the case file's order").isLessThan(list.indexOf("证据"));

            WebElement row = browser.await(evidenceRow());
            assertThat(sha256(download(browser, row))).isEqualTo(sha256(first));

            // The same category and title: the next version, from the row's own action.
            row.findElement(By.cssSelector("input.casefile-version-input")).sendKeys(evidence2.toString());
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(evidenceRow(), "第2版"));
            row = browser.await(evidenceRow());
            assertThat(row.getText()).contains("现场勘验笔录（补送达回证）.pdf");
            assertThat(sha256(download(browser, row))).isEqualTo(sha256(second));
            browser.screenshot("tasklist-case-file-second-version");
            WebElement toggle = row.findElement(By.cssSelector(".casefile-history-toggle"));
            // Tasklist's fixed footer covers the bottom of the pane: bring the link to the middle first.
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block:'center'});", toggle);
            toggle.click();
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".litigation-casefile .casefile-old"), "第1版"));
            WebElement old = browser.await(By.cssSelector(".litigation-casefile .casefile-old"));
            assertThat(old.getText()).contains("现场勘验笔录.pdf");
            assertThat(sha256(download(browser, old))).isEqualTo(sha256(first));

            String shown = text(browser, ".litigation-casefile").replaceAll("[^\\s]*\\.pdf", "")
                    .replaceAll("\\b(PDF|KB|MB|OFD|DOCX|DOC|XLSX|XLS|WPS|JPEG|PNG|TIFF)\\b", "");
            assertThat(shown).as("the tab speaks Chinese").doesNotContainPattern("[A-Za-z]{2,}");
            assertThat(browser.consoleErrors()).as("console").isEmpty();
            JavascriptExecutor script = (JavascriptExecutor) browser.driver();
            script.executeScript("document.activeElement.blur();"
                    + "document.querySelector('.tabbed-content .nav-tabs').scrollIntoView();");
            browser.screenshot("tasklist-case-file-1280x800");
            // The README shows the whole tab, in the window size of its other screenshots.
            browser.driver().manage().window().setSize(new Dimension(1400, 1100));
            script.executeScript("for (let e = document.querySelector('.litigation-casefile'); e; e = e.parentElement) {"
                    + " e.scrollTop = 0; }");
            browser.screenshotForReadme("tasklist-case-file");

            openTab(browser, loose.getId(), null);
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".litigation-casefile"), "此任务不属于具体案件"));
            browser.screenshot("tasklist-case-file-no-case");
            assertThat(browser.consoleErrors()).as("console").isEmpty();
        } finally {
            tasks.deleteTask(loose.getId(), true);
        }
    }

    private static By evidenceRow() {
        return By.xpath("//tbody[contains(@class,'casefile-file')][.//a[normalize-space(.)='现场勘验笔录']]");
    }

    private static void openTab(Browser browser, String taskId, String heading) {
        browser.open("/camunda/app/tasklist/default/#/?task=" + taskId);
        if (heading != null) {
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(
                    By.cssSelector(".fjs-container"), heading));
        }
        browser.click(TAB);
        browser.await(By.cssSelector(".litigation-casefile"));
    }

    private static void dropFile(Browser browser, Path file) {
        WebElement zone = browser.await(By.cssSelector(".litigation-casefile .casefile-drop"));
        @SuppressWarnings("unchecked")
        Map<String, Number> centre = (Map<String, Number>) ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].scrollIntoView({block:'center'}); const r = arguments[0].getBoundingClientRect();"
                        + "return {x: r.left + r.width / 2, y: r.top + r.height / 2};", zone);
        Map<String, Object> data = Map.of("items", List.of(), "files", List.of(file.toString()), "dragOperationsMask", 1);
        for (String type : List.of("dragEnter", "dragOver", "drop")) {
            ((ChromeDriver) browser.driver()).executeCdpCommand("Input.dispatchDragEvent", Map.of("type", type,
                    "x", centre.get("x").doubleValue(), "y", centre.get("y").doubleValue(), "data", data));
        }
    }

    private static void chooseFile(Browser browser, Path file) {
        browser.driver().findElement(By.cssSelector(".litigation-casefile .casefile-input")).sendKeys(file.toString());
    }

    private static void category(Browser browser, String value) {
        new Select(browser.driver().findElement(By.cssSelector(".litigation-casefile .casefile-category")))
                .selectByValue(value);
    }

    private static void upload(Browser browser, Path file, String category, String title) {
        browser.waiting(30).until(d -> d.findElement(By.cssSelector(".litigation-casefile .casefile-submit")).isEnabled());
        chooseFile(browser, file);
        category(browser, category);
        WebElement titleInput = browser.driver().findElement(By.cssSelector(".litigation-casefile .casefile-title"));
        titleInput.clear();
        titleInput.sendKeys(title);
        browser.click(By.cssSelector(".litigation-casefile .casefile-submit"));
    }

    private static String text(Browser browser, String css) {
        return browser.driver().findElement(By.cssSelector(css)).getText();
    }

    /** The bytes behind a row's download link, fetched with the page's own session. */
    private static byte[] download(Browser browser, WebElement row) {
        String href = row.findElement(By.cssSelector("a.casefile-download")).getAttribute("href");
        String base64 = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0]).then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status)).then(b => {"
                        + "  let s = ''; new Uint8Array(b).forEach(x => s += String.fromCharCode(x)); done(btoa(s));"
                        + "}).catch(e => done('ERROR ' + e));", href);
        assertThat(base64).as("download of " + href).doesNotStartWith("ERROR");
        return Base64.getDecoder().decode(base64);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static byte[] pdf(String text) {
        return cn.shapotou.litigation.casefile.SampleFiles.pdf(text);
    }
}
