package cn.shapotou.litigation.cases;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;

/** A court's judgment or ruling, at first instance, on appeal or on retrial. */
abstract class CourtInstanceDecisionHandler extends DecisionDocumentHandler {

    static final Set<String> INSTANCES = Set.of("FIRST", "SECOND", "RETRIAL");

    CourtInstanceDecisionHandler(RuntimeService runtime, CaseMessages messages) {
        super(runtime, messages);
    }

    @Override
    Object instance(Map<String, ?> input) {
        return input.get("instance");
    }

    @Override
    public void check(CourtDocumentChecks checks) {
        if (!INSTANCES.contains(String.valueOf(checks.value("instance")))) {
            checks.refuse("instance", "审级须为 FIRST、SECOND 或 RETRIAL");
        }
        super.check(checks);
    }

    @Override
    public String conflict(CourtDocumentCase theCase, Map<String, ?> input) {
        if (theCase.reconsideration()) {
            return "本案为行政复议答复案件，应登记行政复议决定书，不能登记" + kind().label();
        }
        if ("SECOND".equals(input.get("instance")) && !theCase.appealed()) {
            return "本案没有上诉记录，不能登记第二审" + kind().label();
        }
        if ("RETRIAL".equals(input.get("instance")) && !theCase.has("retrialFiledOn")
                && !theCase.has("retrialOrderedOn")) {
            return "本案没有申请再审或再审裁定的记录，不能登记再审" + kind().label();
        }
        return null;
    }
}
