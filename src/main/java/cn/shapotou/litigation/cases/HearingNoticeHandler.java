package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casefile.FileCategory;
import cn.shapotou.litigation.appearance.HearingRescheduling;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * A hearing notice starts the appearance at once, whatever the case is doing (Art. 7–9), or moves the one under way
 * (the court moved the hearing).
 */
@Component
public class HearingNoticeHandler implements CourtDocumentHandler {

    /** The BPMN message a waiting step of the case catches for a hearing notice. */
    public static final String MESSAGE = "HearingNotice";

    private final RuntimeService runtime;
    private final CaseMessages messages;
    private final HearingRescheduling rescheduling;

    public HearingNoticeHandler(RuntimeService runtime, CaseMessages messages, HearingRescheduling rescheduling) {
        this.runtime = runtime;
        this.messages = messages;
        this.rescheduling = rescheduling;
    }

    @Override
    public CourtDocumentKind kind() {
        return CourtDocumentKind.HEARING_NOTICE;
    }

    @Override
    public void check(CourtDocumentChecks checks) {
        checks.date("hearingDate", "开庭日期", true, false);
    }

    @Override
    public FileCategory scanCategory() {
        return FileCategory.HEARING;
    }

    @Override
    public String conflict(CourtDocumentCase theCase, Map<String, ?> input) {
        return null;
    }

    @Override
    public boolean dispatch(String caseNumber, String runningCase, Map<String, ?> input) {
        String hearingDate = String.valueOf(input.get("hearingDate"));
        if (runningCase != null) {
            runtime.setVariable(runningCase, "hearingDate", hearingDate);
        }
        return rescheduling.followNewDate(caseNumber, LocalDate.parse(hearingDate))
                || messages.correlateIfWaiting(caseNumber, MESSAGE);
    }
}
