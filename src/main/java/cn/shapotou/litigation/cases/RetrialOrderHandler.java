package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.decisions.RetrialOrder;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The court retries a case whose decision took effect (ALL Art. 90–93), also an archived one, which reopens;
 * a reconsideration-response case has no retrial.
 */
@Component
public class RetrialOrderHandler implements CourtDocumentHandler {

    private final RetrialOrder retrialOrder;

    public RetrialOrderHandler(RetrialOrder retrialOrder) {
        this.retrialOrder = retrialOrder;
    }

    @Override
    public CourtDocumentKind kind() {
        return CourtDocumentKind.RETRIAL_ORDER;
    }

    @Override
    public void check(CourtDocumentChecks checks) {
        if (!RetrialOrder.INITIATORS.contains(String.valueOf(checks.value("initiatedBy")))) {
            checks.refuse("initiatedBy", "再审由谁提起须为 OTHER_PARTY（对方当事人申请）、"
                    + "PROCURATORATE（检察院抗诉）或 COURT（法院决定）");
        }
    }

    @Override
    public String conflict(CourtDocumentCase theCase, Map<String, ?> input) {
        if (theCase.reconsideration()) {
            return "行政复议答复案件没有再审程序";
        }
        return theCase.has("effectiveOn") ? null
                : "本案尚无发生法律效力的裁判，不能登记再审裁定（未生效的裁判应登记上诉状或生效证明）";
    }

    @Override
    public String conflictWhenArchived(CourtDocumentCase theCase, Map<String, ?> input) {
        return theCase.reconsideration() ? "行政复议答复案件没有再审程序" : null;
    }

    @Override
    public boolean dispatch(String caseNumber, String runningCase, Map<String, ?> input) {
        retrialOrder.open(caseNumber, runningCase, LocalDate.parse(String.valueOf(input.get("receivedOn"))),
                String.valueOf(input.get("initiatedBy")));
        return true;
    }
}
