package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.casefile.FileCategory;
import cn.shapotou.litigation.answer.SecondInstanceAnswer;
import cn.shapotou.litigation.decisions.CourtDecision;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** The other party appealed a first-instance decision: our answer to the appeal is due from receipt (Art. 13–14). */
@Component
public class PlaintiffAppealHandler implements CourtDocumentHandler {

    private final RuntimeService runtime;
    private final CaseMessages messages;
    private final SecondInstanceAnswer secondInstanceAnswer;

    public PlaintiffAppealHandler(RuntimeService runtime, CaseMessages messages,
                                  SecondInstanceAnswer secondInstanceAnswer) {
        this.runtime = runtime;
        this.messages = messages;
        this.secondInstanceAnswer = secondInstanceAnswer;
    }

    @Override
    public CourtDocumentKind kind() {
        return CourtDocumentKind.PLAINTIFF_APPEAL;
    }

    @Override
    public FileCategory scanCategory() {
        return FileCategory.APPEAL;
    }

    @Override
    public String conflict(CourtDocumentCase theCase, Map<String, ?> input) {
        if (theCase.reconsideration()) {
            return "行政复议答复案件没有上诉程序";
        }
        return theCase.registeredDecisions().stream().anyMatch(d -> "FIRST".equals(d.get("instance"))) ? null
                : "本案尚未登记第一审判决书或裁定书，不能登记原告上诉状";
    }

    @Override
    public boolean dispatch(String caseNumber, String runningCase, Map<String, ?> input) {
        String receivedOn = String.valueOf(input.get("receivedOn"));
        if (runtime.getVariable(runningCase, "plaintiffAppealedOn") == null) {
            runtime.setVariable(runningCase, "plaintiffAppealedOn", receivedOn);
            secondInstanceAnswer.open(runningCase, LocalDate.parse(receivedOn));
        }
        return messages.correlateIfWaiting(caseNumber, CourtDecision.PLAINTIFF_APPEAL_MESSAGE);
    }
}
