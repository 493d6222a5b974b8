package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The annual report page (Art. 19, 20) as {@code justice} sees it after logging in to the webapps: the figures and
 * the four charts drawn by ECharts; without a login the page sends the browser to Cockpit's login.
 */
@IntegrationTest
@Tag("browser")
class AnnualReportBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void justiceSeesTheFiguresAndTheChartsOfTheYear() throws Exception {
        int year = LocalDate.now().getYear();
        try (Browser browser = new Browser("http://localhost:" + port)) {
            browser.open("/reports/annual");
            browser.await(By.cssSelector("form[name=signinForm]"));

            browser.loginToTasklist("justice", "demo");
            browser.open("/reports/annual?year=" + year);
            browser.waiting(30).until(d -> String.valueOf(year).equals(
                    d.findElement(By.tagName("body")).getAttribute("data-loaded")));
            assertThat(browser.driver().findElement(By.id("figures")).getText()).contains("收案数", "败诉率", "负责人出庭率");
            for (String chart : new String[] {"chart-outcomes", "chart-units", "chart-appearance", "chart-overdue"}) {
                assertThat(browser.all(By.cssSelector("#" + chart + " svg"))).as(chart).isNotEmpty();
            }
            assertThat(browser.driver().findElement(By.id("csv")).getAttribute("href"))
                    .endsWith("/api/reports/annual?format=csv&year=" + year);
            browser.screenshotForReadme("report-annual-justice");
        }
    }
}
