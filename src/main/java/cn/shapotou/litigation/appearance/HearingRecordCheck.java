package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FormValues;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of 出庭应诉: the hearing was held (who appeared; the facts Art. 22 asks about) or postponed at the
 * agents' request (Art. 9: reason given in advance, the court asked, the new date). Every hearing stays on record.
 */
@Component("hearingRecordCheck")
public class HearingRecordCheck implements ExecutionListener {

    private final LegalClock clock;

    public HearingRecordCheck(LegalClock clock) {
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.isCanceled()) {
            return;
        }
        String outcome = (String) execution.getVariable("hearingOutcome");
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("hearingDate", execution.getVariable("hearingDate"));
        if ("POSTPONED".equals(outcome)) {
            String reason = text(execution.getVariable("postponementReason"));
            LocalDate newDate = date(execution.getVariable("newHearingDate"));
            List<FieldError> errors = new ArrayList<>();
            if (reason == null) {
                errors.add(new FieldError("postponementReason", "申请延期须说明理由（postponementReason，第九条第一款）"));
            }
            if (!"true".equals(String.valueOf(execution.getVariable("postponementRequested")))) {
                errors.add(new FieldError("postponementRequested", "须已向人民法院告知并申请延期（postponementRequested，第九条第一款）"));
            }
            if (newDate == null || !newDate.isAfter(FormValues.storedDate(execution, "hearingDate"))) {
                errors.add(new FieldError("newHearingDate", "法院准许延期后的开庭日期（newHearingDate）须晚于原开庭日期"));
            }
            if (!errors.isEmpty()) {
                throw FormRefusal.of(errors);
            }
            record.put("outcome", "POSTPONED");
            record.put("reason", reason);
            record.put("newHearingDate", newDate.toString());
            execution.setVariable("hearingDate", newDate.toString());
            execution.setVariable("majorIssue", false);
        } else if ("HELD".equals(outcome)) {
            if (text(execution.getVariable("appearedPersons")) == null) {
                throw FormRefusal.of(List.of(new FieldError("appearedPersons", "出庭人员（appearedPersons）为必填项")));
            }
            boolean headAppeared = "true".equals(String.valueOf(execution.getVariable("headAppeared")));
            boolean leftEarly = "true".equals(String.valueOf(execution.getVariable("leftWithoutPermission")));
            boolean onlyLawyers = "true".equals(String.valueOf(execution.getVariable("onlyLawyersAppeared")));
            boolean majorIssue = "true".equals(String.valueOf(execution.getVariable("majorIssue")));
            if (majorIssue && text(execution.getVariable("majorIssueReport")) == null) {
                throw FormRefusal.of(List.of(new FieldError("majorIssueReport",
                        "有重大问题的，须向区人民政府书面报告（majorIssueReport，第九条第三款）")));
            }
            record.put("outcome", "HELD");
            record.put("headAppeared", headAppeared);
            record.put("appearedPersons", text(execution.getVariable("appearedPersons")));
            record.put("leftWithoutPermission", leftEarly);
            record.put("onlyLawyersAppeared", onlyLawyers);
            // Art. 22 (2)(3): facts a report lists for accountability review.
            String hearing = "开庭日期 " + execution.getVariable("hearingDate");
            if (!headAppeared && Boolean.TRUE.equals(execution.getVariable("headAppearanceRequired"))) {
                AccountabilityFacts.record(execution, AccountabilityFact.HEAD_ABSENT_WHEN_REQUIRED, hearing);
            }
            if (!headAppeared && onlyLawyers) {
                AccountabilityFacts.record(execution, AccountabilityFact.ONLY_LAWYERS, hearing);
            }
            if (leftEarly) {
                AccountabilityFacts.record(execution, AccountabilityFact.LEFT_WITHOUT_PERMISSION, hearing);
            }
            execution.setVariable("headAppeared", headAppeared);
            execution.setVariable("majorIssue", majorIssue);
            execution.setVariable("hearingHeldOn", execution.getVariable("hearingDate"));
        } else {
            throw FormRefusal.of(List.of(new FieldError("hearingOutcome", "须选择庭审情况：如期开庭或已延期（hearingOutcome）")));
        }
        record.put("recordedOn", clock.today().toString());
        List<Object> hearings = new ArrayList<>(FormValues.list(execution.getVariable("hearings")));
        hearings.add(record);
        execution.setVariable("hearings", FormValues.toJson(hearings));
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    private static LocalDate date(Object value) {
        try {
            return value == null ? null : LocalDate.parse(String.valueOf(value).substring(0, 10));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return null;
        }
    }
}
