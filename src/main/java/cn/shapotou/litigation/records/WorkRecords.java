package cn.shapotou.litigation.records;

import cn.shapotou.litigation.casecore.CaseParticipation;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormCheck;
import cn.shapotou.litigation.web.FormRefusal;
import cn.shapotou.litigation.web.FormStage;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The Justice Bureau's registers of the systems Art. 20 and 21 ask for: staff observing hearings (旁听庭审, process
 * {@code hearing-observation}) and training of response staff (业务培训, process {@code training-record}). Each record
 * is an instance of its process, started from Tasklist; the work bulletin and the annual report count them by the day
 * they took place.
 */
@Component("workRecords")
public class WorkRecords extends FormStage {

    public static final String OBSERVATION_PROCESS = "hearing-observation";
    public static final String TRAINING_PROCESS = "training-record";

    private final LegalClock clock;

    public WorkRecords(LegalClock clock) {
        super("hearing-observation, training-record");
        this.clock = clock;
    }

    @Override
    protected Map<String, Consumer<DelegateExecution>> rules() {
        return Map.of(
                "HearingObservedStartEvent", execution -> {
                    justiceBureauOnly(execution, "旁听庭审记录");
                    FormCheck form = new FormCheck(execution);
                    form.pastDate("observedOn", "旁听日期", clock.today(), null, null);
                    form.text("court", "人民法院", true, 100);
                    String caseNumber = form.text("caseNumber", "旁听案件案号", false, 100);
                    form.text("caseTitle", "案件名称（当事人、案由）", true, 300);
                    attendees(execution, form, "observers", "旁听人员");
                    form.text("observationNotes", "旁听情况和体会", false, 4000);
                    form.done();
                    // The observed hearing may be another agency's case: the case number is a reference, not a link.
                    if (caseNumber != null) {
                        execution.setProcessBusinessKey(caseNumber);
                    }
                },
                "TrainingHeldStartEvent", execution -> {
                    justiceBureauOnly(execution, "业务培训记录");
                    FormCheck form = new FormCheck(execution);
                    form.pastDate("trainedOn", "培训日期", clock.today(), null, null);
                    form.text("topic", "培训主题", true, 200);
                    form.text("trainer", "授课人", false, 200);
                    attendees(execution, form, "trainees", "参训人员");
                    form.text("trainingNotes", "培训内容", false, 4000);
                    form.done();
                });
    }

    /** Art. 21: the Justice Bureau trains the response staff and keeps the register (so also of hearings observed). */
    private static void justiceBureauOnly(DelegateExecution execution, String what) {
        if (!CaseParticipation.startedByOneOf(execution, UnitDirectory.JUSTICE_BUREAU)) {
            throw FormRefusal.of(what + "未通过校验", List.of(new FieldError("observers",
                    what + "由区司法局登记（第二十条、第二十一条）")));
        }
    }

    /** Attendees one per line (or separated by 、，,；;): their number is kept beside the list. */
    private static void attendees(DelegateExecution execution, FormCheck form, String field, String label) {
        String text = form.text(field, label, true, 8000);
        if (text == null) {
            return;
        }
        List<String> names = names(text);
        execution.setVariable(field + "Count", names.size());
    }

    static List<String> names(String text) {
        return Arrays.stream(text.split("[\\n\\r、，,；;]+")).map(String::strip).filter(s -> !s.isEmpty()).distinct()
                .toList();
    }
}
