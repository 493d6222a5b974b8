package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.accountability.AccountabilityFact;
import cn.shapotou.litigation.accountability.AccountabilityFacts;
import cn.shapotou.litigation.accountability.AccountabilityFacts.Persons;
import cn.shapotou.litigation.appearance.AppearancePlan.HeadPost;
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
 * agents' request (Art. 9: reason given in advance, the court asked, the new date). Every hearing stays on record in
 * the case's {@code hearings}: a HELD entry carries {@code headAppeared}, {@code headPost}, {@code headName},
 * {@code headAbsence} (JUSTIFIED where the district leaders approved the head's reason, else UNJUSTIFIED; null where
 * the head appeared) and {@code absenceReason}.
 */
@Component("hearingRecordCheck")
public class HearingRecordCheck implements ExecutionListener {

    public static final String VARIABLE = "hearings";

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
            postponed(execution, record);
        } else if ("HELD".equals(outcome)) {
            held(execution, record);
        } else {
            throw FormRefusal.of(List.of(new FieldError("hearingOutcome", "须选择庭审情况：如期开庭或已延期")));
        }
        record.put("recordedOn", clock.today().toString());
        List<Object> hearings = new ArrayList<>(FormValues.list(execution.getVariable(VARIABLE)));
        hearings.add(record);
        // On the stage and on the case itself, so the record outlives a stage ended by the court's decision.
        execution.getProcessInstance().setVariable(VARIABLE, FormValues.toJson(hearings));
        DelegateExecution theCase = AccountabilityFacts.caseOf(execution);
        if (theCase != execution.getProcessInstance()) {
            theCase.setVariable(VARIABLE, FormValues.toJson(hearings));
        }
    }

    /**
     * 第九条第一款: an agent who cannot attend on time explains the reason in advance (提前), tells the handling unit and
     * asks the court to postpone. A request made on the hearing day or later is not in advance: it stands only with the
     * reason why it could not be made earlier.
     */
    private void postponed(DelegateExecution execution, Map<String, Object> record) {
        LocalDate hearingDate = FormValues.storedDate(execution, "hearingDate");
        String reason = text(execution.getVariable("postponementReason"));
        LocalDate newDate = date(execution.getVariable("newHearingDate"));
        LocalDate requestedOn = date(execution.getVariable("postponementRequestedOn"));
        String lateReason = text(execution.getVariable("latePostponementReason"));
        List<FieldError> errors = new ArrayList<>();
        if (reason == null) {
            errors.add(new FieldError("postponementReason", "申请延期须说明理由（第九条第一款）"));
        }
        if (!"true".equals(String.valueOf(execution.getVariable("postponementRequested")))) {
            errors.add(new FieldError("postponementRequested", "须已向人民法院告知并申请延期（第九条第一款）"));
        }
        if (requestedOn == null) {
            errors.add(new FieldError("postponementRequestedOn",
                    "须填写向人民法院申请延期的日期，以核对是否提前申请（第九条第一款）"));
        } else if (requestedOn.isAfter(clock.today())) {
            errors.add(new FieldError("postponementRequestedOn",
                    "申请延期的日期不能晚于今天（" + clock.today() + "）"));
        } else if (!requestedOn.isBefore(hearingDate) && lateReason == null) {
            errors.add(new FieldError("latePostponementReason", "开庭当日或之后才申请延期的，不是第九条第一款要求的提前"
                    + "申请，须说明未能提前申请的原因（第九条第一款）"));
        }
        if (newDate == null || !newDate.isAfter(hearingDate)) {
            errors.add(new FieldError("newHearingDate", "法院准许延期后的开庭日期须晚于原开庭日期"));
        }
        if (!errors.isEmpty()) {
            throw FormRefusal.of(errors);
        }
        boolean inAdvance = requestedOn.isBefore(hearingDate);
        record.put("outcome", "POSTPONED");
        record.put("reason", reason);
        record.put("postponementRequestedOn", requestedOn.toString());
        record.put("requestedInAdvance", inAdvance);
        record.put("latePostponementReason", inAdvance ? null : lateReason);
        record.put("newHearingDate", newDate.toString());
        execution.setVariable("hearingDate", newDate.toString());
        execution.setVariable("majorIssue", false);
    }

    private void held(DelegateExecution execution, Map<String, Object> record) {
        // Every missing item at once, so the clerk fills the record in one go.
        List<FieldError> errors = new ArrayList<>();
        if (text(execution.getVariable("appearedPersons")) == null) {
            errors.add(new FieldError("appearedPersons", "出庭人员为必填项"));
        }
        boolean headAppeared = "true".equals(String.valueOf(execution.getVariable("headAppeared")));
        boolean leftEarly = "true".equals(String.valueOf(execution.getVariable("leftWithoutPermission")));
        boolean onlyLawyers = "true".equals(String.valueOf(execution.getVariable("onlyLawyersAppeared")));
        boolean majorIssue = "true".equals(String.valueOf(execution.getVariable("majorIssue")));
        if (majorIssue && text(execution.getVariable("majorIssueReport")) == null) {
            errors.add(new FieldError("majorIssueReport", "有重大问题的，须向区人民政府书面报告（第九条第三款）"));
        }
        String headName = text(execution.getVariable("headName"));
        HeadPost headPost = HeadPost.parse(execution.getVariable("headPost"));
        if (headAppeared && (headName == null || headPost == null)) {
            // 法释〔2020〕3号第六条: the court checks the name and post of the head who appears.
            errors.add(new FieldError("headName",
                    "负责人出庭的，须写明出庭负责人的姓名和职务（正职或副职负责人，第七条第一款）"));
        }
        if (!errors.isEmpty()) {
            throw FormRefusal.of(errors);
        }
        // The head's absence is justified only by a reason the district leaders approved for this hearing's plan.
        boolean plannedAbsence = Boolean.FALSE.equals(FormValues.bool(execution.getVariable("headAppears")));
        boolean approved = plannedAbsence
                && Boolean.TRUE.equals(FormValues.bool(execution.getVariable(HeadAbsenceApproval.VARIABLE)));
        AbsenceReason reason = AbsenceReason.parse(execution.getVariable("absenceReason"));
        record.put("outcome", "HELD");
        record.put("headAppeared", headAppeared);
        record.put("headPost", headAppeared ? headPost.name() : null);
        record.put("headName", headName);
        record.put("headAbsence", headAppeared ? null : approved ? "JUSTIFIED" : "UNJUSTIFIED");
        record.put("absenceReason", headAppeared || !approved || reason == null ? null : reason.name());
        record.put("appearedPersons", text(execution.getVariable("appearedPersons")));
        record.put("leftWithoutPermission", leftEarly);
        record.put("onlyLawyersAppeared", onlyLawyers);
        // Art. 22 (2)(3): facts a report lists for accountability review; the head is the 主管人员 concerned.
        String hearing = "开庭日期 " + execution.getVariable("hearingDate");
        Persons head = new Persons(headName, null);
        if (!headAppeared && !approved) {
            AccountabilityFacts.record(execution, AccountabilityFact.HEAD_ABSENT_WITHOUT_REASON, hearing, head);
            if (Boolean.TRUE.equals(execution.getVariable("headAppearanceRequired"))) {
                AccountabilityFacts.record(execution, AccountabilityFact.HEAD_ABSENT_WHEN_REQUIRED, hearing, head);
            }
        }
        if (!headAppeared && onlyLawyers) {
            AccountabilityFacts.record(execution, AccountabilityFact.ONLY_LAWYERS, hearing, head);
        }
        if (leftEarly) {
            AccountabilityFacts.record(execution, AccountabilityFact.LEFT_WITHOUT_PERMISSION, hearing);
        }
        execution.setVariable("headAppeared", headAppeared);
        execution.setVariable("majorIssue", majorIssue);
        execution.setVariable("hearingHeldOn", execution.getVariable("hearingDate"));
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
