package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The registration form in Tasklist speaks Chinese to a Chinese browser (README「界面语言」): form-js's messages, its
 * placeholders and its date picker, dates as yyyy-MM-dd; Escape in the date picker closes only the picker, and what a
 * clerk typed is not thrown away without a question.
 */
@IntegrationTest
@Tag("browser")
class TasklistFormLanguageBrowserTest {

    /** The English form-js 1.8.7 and flatpickr show unless translated, as a clerk saw them. */
    static final List<String> ENGLISH = List.of("Field is required", "required", "Field must", "Must",
            "Search", "Select", "No results", "No options", "All values selected", "Invalid", "characters",
            "mm/dd/yyyy", "yyyy", "hh:mm", "Submit", "Cancel", "Save", "Start", "Close", "Back",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Value", "Date");

    private static final String QUESTION = "表单尚未提交，确定放弃已填写的内容吗？";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Test
    void registrationFormIsChineseAndKeepsWhatWasTyped() throws Exception {
        String caseNumber = TestCases.newCaseNumber();
        LocalDate yesterday = LocalDate.now().minusDays(1);
        try (Browser browser = SignIn.toTasklist(port, "office")) {
            browser.waiting(30).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "发起流程"));
            browser.driver().findElement(By.cssSelector(".start-process-action a")).click();
            browser.await(By.xpath("//a[contains(normalize-space(.), '行政应诉案件')]")).click();
            browser.await(By.cssSelector(".modal .fjs-container"));
            browser.await(By.xpath("//*[contains(text(), '登记应诉通知书')]"));
            assertChineseAndOpen(browser, "opened");
            WebElement date = browser.driver().findElement(By.cssSelector("input[id$='-noticeReceivedOn-date']"));
            assertThat(date.getAttribute("placeholder")).contains("年-月-日");

            // 发起 with nothing typed: form-js's required messages, in Chinese
            browser.driver().findElement(By.xpath("//div[contains(@class,'modal')]//button[contains(., '发起')]")).click();
            browser.await(By.cssSelector(".fjs-form-field-error"));
            assertThat(browser.driver().findElement(By.cssSelector(".modal .fjs-container")).getText())
                    .contains("此项为必填项。");
            browser.screenshot("tasklist-form-zh-required");
            assertChineseAndOpen(browser, "submitted empty");

            // a day that does not exist is no date: the field stays empty and says so in Chinese
            date.click();
            date.sendKeys(yesterday.getYear() + "-02-30");
            date.sendKeys(Keys.TAB);
            Thread.sleep(500);
            assertThat(date.getAttribute("value")).isEmpty();
            assertChineseAndOpen(browser, "bad date typed");

            // the picker: Chinese months and weekdays, Monday first; Escape closes the picker, not the dialog
            date.click();
            WebElement calendar = browser.await(By.cssSelector(".flatpickr-calendar.open"));
            List<String> weekdays = calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
                    .map(day -> day.getText().strip()).toList();
            assertThat(weekdays).containsExactly("周一", "周二", "周三", "周四", "周五", "周六", "周日");
            assertThat(calendar.findElement(By.cssSelector(".flatpickr-monthDropdown-months option:checked")).getText())
                    .endsWith("月");
            browser.screenshotForReadme("tasklist-register-zh");
            assertChineseAndOpen(browser, "picker open");
            date.sendKeys(Keys.ESCAPE);
            browser.waiting(10).until(ExpectedConditions.invisibilityOfElementLocated(
                    By.cssSelector(".flatpickr-calendar.open")));
            assertChineseAndOpen(browser, "Escape in the picker");

            // something typed: Escape, 关闭 and a click beside the dialog ask first; 继续填写 keeps the form
            fill(browser, "caseNumber", caseNumber);
            browser.driver().findElement(By.cssSelector("input[id$='-caseNumber']")).sendKeys(Keys.ESCAPE);
            keepEditing(browser);
            assertChineseAndOpen(browser, "Escape with a case number typed");
            browser.driver().findElement(By.xpath(
                    "//div[contains(@class,'modal-footer')]//button[normalize-space(.)='关闭']")).click();
            keepEditing(browser);
            assertChineseAndOpen(browser, "关闭 with a case number typed");
            // the dialog is 900 px wide in the middle of a 1400 px window: its left margin is the backdrop
            new Actions(browser.driver()).moveToLocation(30, 600).click().perform();
            keepEditing(browser);
            assertChineseAndOpen(browser, "click beside the dialog");
            assertThat(browser.driver().findElement(By.cssSelector("input[id$='-caseNumber']")).getAttribute("value"))
                    .isEqualTo(caseNumber);

            // a day chosen in the picker shows as yyyy-MM-dd
            date.click();
            browser.await(By.cssSelector(".flatpickr-calendar.open"));
            String day = yesterday.getYear() + "年" + yesterday.getMonthValue() + "月" + yesterday.getDayOfMonth() + "日";
            browser.driver().findElement(By.cssSelector(".flatpickr-calendar.open .flatpickr-day[aria-label='" + day
                    + "']")).click();
            browser.waiting(10).until(d -> yesterday.toString().equals(date.getAttribute("value")));

            fill(browser, "court", "中卫市沙坡头区人民法院");
            fill(browser, "plaintiff", "李某某");
            fill(browser, "causeOfAction", "政府信息公开");
            WebElement acting = browser.driver().findElement(By.cssSelector("input[id$='-actingUnit-search'], input[id$='-actingUnit']"));
            acting.click();
            browser.await(By.cssSelector(".fjs-dropdownlist"));
            assertChineseAndOpen(browser, "option list open");
            // Escape in an open option list closes the list, neither the dialog nor asking
            acting.sendKeys(Keys.ESCAPE);
            browser.waiting(10).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist")));
            assertThat(browser.all(By.cssSelector(".litigation-discard"))).isEmpty();
            assertChineseAndOpen(browser, "Escape in the option list");
            acting.sendKeys("区自然资源局");
            browser.await(By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and contains(., '区自然资源局')]")).click();
            browser.driver().findElement(By.xpath("//label[contains(., '未经复议')]")).click();
            assertChineseAndOpen(browser, "filled in");
            browser.screenshot("tasklist-form-zh-filled");
            browser.driver().findElement(By.xpath("//div[contains(@class,'modal')]//button[contains(., '发起')]")).click();
            browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));

            // 放弃 closes the dialog
            browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
            browser.driver().findElement(By.cssSelector(".start-process-action a")).click();
            browser.await(By.xpath("//a[contains(normalize-space(.), '行政应诉案件')]")).click();
            browser.await(By.cssSelector(".modal .fjs-container"));
            browser.await(By.cssSelector("input[id$='-plaintiff']")).click();
            fill(browser, "plaintiff", "赵某某");
            browser.driver().findElement(By.xpath(
                    "//div[contains(@class,'modal-footer')]//button[normalize-space(.)='关闭']")).click();
            browser.await(By.cssSelector(".litigation-discard")).findElement(By.xpath(".//button[normalize-space(.)='放弃']"))
                    .click();
            browser.waiting(30).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal")));
            assertThat(browser.consoleErrors()).noneMatch(error -> error.contains("form-zh"));
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey("litigation-case").singleResult();
        assertThat(instance).isNotNull();
        assertThat(String.valueOf(runtime.getVariable(instance.getId(), "noticeReceivedOn")))
                .isEqualTo(yesterday.toString());

        // a task form, outside any dialog, is Chinese as well
        Task proposal = tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).singleResult();
        try (Browser browser = SignIn.atTask(port, "justice", proposal.getId(), "拟定办理建议")) {
            browser.click(By.cssSelector(".fjs-container input.fjs-input:not([readonly]):not([disabled])"));
            assertChinese(browser, "task form");
        }
    }

    /** The page's question before a begun form is thrown away, answered 继续填写. */
    private static void keepEditing(Browser browser) throws Exception {
        WebElement question = browser.await(By.cssSelector(".litigation-discard"));
        assertThat(question.getText()).contains(QUESTION);
        browser.screenshot("tasklist-form-zh-question");
        question.findElement(By.xpath(".//button[normalize-space(.)='继续填写']")).click();
        browser.waiting(10).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".litigation-discard")));
    }

    /** The dialog is still there, and no word of the English list is in its visible text or its placeholders. */
    private static void assertChineseAndOpen(Browser browser, String step) {
        assertThat(browser.all(By.cssSelector(".modal .fjs-container"))).as(step + ": dialog open").isNotEmpty();
        assertThat(browser.driver().findElement(By.cssSelector(".modal .fjs-container")).isDisplayed())
                .as(step + ": dialog open").isTrue();
        assertChinese(browser, step);
    }

    static void assertChinese(Browser browser, String step) {
        String seen = (String) ((JavascriptExecutor) browser.driver()).executeScript(
                "const placeholders = Array.from(document.querySelectorAll('input, textarea'))"
                        + ".filter(i => i.offsetParent !== null).map(i => i.placeholder || '');"
                        + "return document.body.innerText + '\\n' + placeholders.join('\\n');");
        for (String english : ENGLISH) {
            Matcher matcher = Pattern.compile("(?i)\\b" + Pattern.quote(english) + "\\b").matcher(seen);
            assertThat(matcher.find()).as(step + ": English \"" + english + "\" near: "
                    + (matcher.find(0) ? seen.substring(Math.max(0, matcher.start() - 60),
                    Math.min(seen.length(), matcher.end() + 60)) : "")).isFalse();
        }
    }

    private static void fill(Browser browser, String key, String value) {
        browser.driver().findElement(By.cssSelector("input[id$='-" + key + "']")).sendKeys(value);
    }
}
