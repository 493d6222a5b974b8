package cn.shapotou.litigation.browser;

import static org.assertj.core.api.Assertions.assertThat;

import cn.shapotou.litigation.CaseWalk;
import cn.shapotou.litigation.IntegrationTest;
import cn.shapotou.litigation.TestCases;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case process as the Justice Bureau sees it in Cockpit: the whole diagram at the viewer's default zoom is large
 * enough to read the task names (src/docs/architecture.md「案件数据与阶段约定」, the paragraph on the diagram), and the
 * collapsed 「审理」 opens its own page.
 */
@IntegrationTest
@Tag("browser")
class CaseDiagramBrowserTest {

    /** The scale at which Cockpit's 12-pixel task names are still legible (measured 0.72 in a 1600×1000 window). */
    static final double READABLE_SCALE = 0.65;

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void cockpitShowsTheWholeCaseProcessReadableAtItsDefaultZoom() throws Exception {
        // A case at work, so that the diagram shows where cases are, as it does in use.
        new CaseWalk(runtime, tasks).register(TestCases.natresCase());
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("litigation-case")
                .latestVersion().singleResult().getId();
        try (Browser browser = SignIn.toTasklist(port, "justice")) {
            browser.driver().manage().window().setSize(new Dimension(1600, 1000));
            browser.open("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
            browser.waiting(120).until(d -> !d.findElements(By.cssSelector(".djs-container g.viewport")).isEmpty()
                    && !d.findElements(By.cssSelector("[data-element-id=InstanceSubProcess]")).isEmpty());
            // Cockpit fits the diagram into the view once it is drawn; give it that moment.
            Thread.sleep(1500);
            Number scale = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return document.querySelector('.djs-container g.viewport').transform.baseVal.consolidate().matrix.a;");
            assertThat(scale.doubleValue()).as("the default zoom of litigation-case in Cockpit")
                    .isGreaterThanOrEqualTo(READABLE_SCALE);
            assertThat(browser.driver().findElement(By.cssSelector(".djs-container")).getText())
                    .contains("确定应诉事务承办单位", "审理（第一审、第二审或再审）", "立卷归档", "案件办结");
            browser.screenshotForReadme("cockpit-litigation-case");

            // The collapsed 审理 opens its own page: the answer stage inside it.
            browser.click(By.cssSelector(".bjs-drilldown"));
            browser.waiting(30).until(d -> d.findElement(By.cssSelector(".djs-container")).getText().contains("答辩准备"));
        }
    }
}
