package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.units.UnitDirectory;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IdentityLinkEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every overdue item, read from the engine as it is now: open tasks whose due moment passed, and cases whose
 * statutory answer deadline passed without delivery to the court (watched from registration until delivery, whatever
 * stage the case is in; {@link StatutoryAnswerWatch}).
 *
 * <p>Two set-based reads of the engine's documented tables rather than one engine query per item: the supervision
 * sweep runs every minute and the Justice Bureau's list is asked for at any time, with 50,000 open cases
 * (issue 8: 5,000 overdue items in under 100 ms). Read only; the engine stays the only writer of its tables.
 */
@Component
public class OverdueItems {

    /** Case variable holding the statutory answer deadline until delivery removes it (ALL Art. 67). */
    public static final String STATUTORY_ANSWER_DUE = "statutoryAnswerDue";

    private final JdbcTemplate jdbc;
    private final UnitDirectory units;
    private final String overdueTasks;
    private final String overdueAnswers;

    public OverdueItems(JdbcTemplate jdbc, ManagementService management, UnitDirectory units) {
        this.jdbc = jdbc;
        this.units = units;
        String task = management.getTableName(TaskEntity.class);
        String execution = management.getTableName(ExecutionEntity.class);
        String link = management.getTableName(IdentityLinkEntity.class);
        String variable = management.getTableName(VariableInstanceEntity.class);
        // Active tasks only (SUSPENSION_STATE_ 1): a suspended case is not anybody's work. The unit is the task's
        // candidate group; an assigned task is its assignee's.
        this.overdueTasks = "SELECT t.ID_, t.NAME_, t.ASSIGNEE_, t.DUE_DATE_, t.EXECUTION_ID_, t.PROC_INST_ID_, "
                + "p.BUSINESS_KEY_, (SELECT MIN(l.GROUP_ID_) FROM " + link + " l WHERE l.TASK_ID_ = t.ID_ "
                + "AND l.TYPE_ = 'candidate') AS UNIT_ FROM " + task + " t LEFT JOIN " + execution
                + " p ON p.ID_ = t.PROC_INST_ID_ WHERE t.DUE_DATE_ < ? AND t.SUSPENSION_STATE_ = 1";
        // The incident goes on an execution that is at an activity now; the case itself if none is.
        this.overdueAnswers = "SELECT c.case_number, c.process_instance_id, c.answer_due, "
                + "(SELECT MAX(v.TEXT_) FROM " + variable + " v WHERE v.EXECUTION_ID_ = c.process_instance_id "
                + "AND v.TASK_ID_ IS NULL AND v.NAME_ = 'leadUnit') AS LEAD_, "
                + "(SELECT MIN(x.ID_) FROM " + execution + " x WHERE x.PROC_INST_ID_ = c.process_instance_id "
                + "AND x.ACT_ID_ IS NOT NULL) AS AT_ FROM lit_case c JOIN " + execution
                + " p ON p.ID_ = c.process_instance_id WHERE c.answer_due < ?";
    }

    public List<OverdueItem> now() {
        Date now = ClockUtil.getCurrentTime();
        LocalDate today = LegalClock.dateOf(now);
        List<OverdueItem> items = new ArrayList<>(jdbc.query(overdueTasks, (rs, i) -> {
            String unit = rs.getString("ASSIGNEE_") != null ? null : rs.getString("UNIT_");
            LocalDate due = LegalClock.dateOf(new Date(rs.getTimestamp("DUE_DATE_").getTime()));
            String id = rs.getString("ID_");
            return new OverdueItem("task:" + id, rs.getString("BUSINESS_KEY_"), rs.getString("NAME_"), unit,
                    unit == null ? rs.getString("ASSIGNEE_") : units.nameOf(unit), due,
                    ChronoUnit.DAYS.between(due, today), id, rs.getString("EXECUTION_ID_"),
                    rs.getString("PROC_INST_ID_"));
        }, new Timestamp(now.getTime())));

        items.addAll(jdbc.query(overdueAnswers, (rs, i) -> {
            String instance = rs.getString("process_instance_id");
            String lead = rs.getString("LEAD_");
            String at = rs.getString("AT_");
            LocalDate due = rs.getObject("answer_due", LocalDate.class);
            return new OverdueItem("case:" + instance + ":statutoryAnswer", rs.getString("case_number"),
                    "法定答辩期限（向法院提交答辩状及证据）", lead, lead == null ? "（待确定）" : units.nameOf(lead), due,
                    ChronoUnit.DAYS.between(due, today), null, at == null ? instance : at, instance);
        }, today));
        items.sort(Comparator.comparing(OverdueItem::due).thenComparing(OverdueItem::key));
        return items;
    }
}
