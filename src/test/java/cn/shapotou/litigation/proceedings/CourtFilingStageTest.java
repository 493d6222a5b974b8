package cn.shapotou.litigation.proceedings;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.shapotou.litigation.StageTest;
import cn.shapotou.litigation.records.ReviewRounds;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code court-filing} by itself (《办法》第九条第三款): the 区司法局's opinion on a paper for the court; a paper it
 * disagrees with is revised and reviewed again, or withdrawn.
 */
@Deployment(resources = "court-filing.bpmn")
class CourtFilingStageTest extends StageTest {

    CourtFiling courtFiling;
    ReviewRounds reviewRounds;

    @BeforeEach
    void collaborators() {
        courtFiling = bean("courtFiling", CourtFiling.class);
        reviewRounds = bean("reviewRounds", ReviewRounds.class);
    }

    @AfterEach
    void signOut() {
        identityService().clearAuthentication();
    }

    private ProcessInstance start() {
        identityService().setAuthenticatedUserId("natres");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("court-filing", "（2026）宁0502行初8号",
                Map.of("caseNumber", "（2026）宁0502行初8号", "filingUnit", "natural-resources"));
        assertThat(instance).variables().containsEntry("filingStartedBy", "natres");
        assertThat(instance).isWaitingAt("ReviewFilingTask");
        assertThat(task(instance)).hasCandidateGroup("justice-bureau");
        return instance;
    }

    @Test
    void anAgreedPaperIsFiledWithTheCourt() {
        ProcessInstance instance = start();

        complete(task(instance), withVariables("opinionResult", "AGREE"));
        assertThat(instance).isWaitingAt("FileWithCourtTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance));

        assertThat(instance).hasPassed("FiledEndEvent").hasNotPassed("ReviseFilingTask").isEnded();
        // The start and the end of each of the two tasks.
        verify(courtFiling, times(3)).notify(any());
        verify(courtFiling, times(2)).due(any());
    }

    @Test
    void aPaperTheBureauDisagreesWithIsRevisedAndReviewedAgain() {
        ProcessInstance instance = start();

        complete(task(instance), withVariables("opinionResult", "DISAGREE"));
        assertThat(instance).isWaitingAt("ReviseFilingTask");
        assertThat(task(instance)).hasCandidateGroup("natural-resources");
        complete(task(instance), withVariables("revision", "REVISE"));

        assertThat(instance).isWaitingAt("ReviewFilingTask");
        verify(reviewRounds, times(3)).show(any(), eq("filing"));
        complete(task(instance), withVariables("opinionResult", "AGREE_REVISED"));
        assertThat(instance).isWaitingAt("FileWithCourtTask");
    }

    @Test
    void aPaperTheBureauDisagreesWithMayBeWithdrawn() {
        ProcessInstance instance = start();
        complete(task(instance), withVariables("opinionResult", "DISAGREE"));

        complete(task(instance), withVariables("revision", "WITHDRAW"));

        assertThat(instance).hasPassed("FilingWithdrawnEndEvent").hasNotPassed("FileWithCourtTask").isEnded();
    }
}
