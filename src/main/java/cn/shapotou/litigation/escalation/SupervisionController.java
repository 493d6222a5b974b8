package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/supervision/overdue}: every overdue item, for the Justice Bureau (《办法》第三条). {@code unit} is
 * the unit id charged; who claimed a task is {@code assignee}.
 */
@RestController
public class SupervisionController {

    private final OverdueItems overdue;
    private final CurrentUser user;
    private final SystemAccess system;

    public SupervisionController(OverdueItems overdue, CurrentUser user, SystemAccess system) {
        this.overdue = overdue;
        this.user = user;
        this.system = system;
    }

    @GetMapping("/api/supervision/overdue")
    public List<Map<String, Object>> overdue() {
        if (!user.in(Roles.SUPERVISORS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "只有区司法局和系统管理员可以查看全部逾期事项");
        }
        return system.call(() -> overdue.now().stream().map(item -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("caseNumber", item.caseNumber());
            row.put("item", item.item());
            row.put("unit", item.unit());
            row.put("unitName", item.unitName());
            row.put("due", item.due().toString());
            row.put("daysOverdue", item.daysOverdue());
            row.put("taskId", item.taskId());
            row.put("processInstanceId", item.processInstanceId());
            // Added to the agreed fields: who claimed a task, every unit holding a case-level item, the deadline served.
            row.put("assignee", item.assignee());
            row.put("holders", item.holders());
            row.put("holding", item.holding());
            row.put("deadline", item.deadline());
            row.put("courtDeadline", item.courtDeadline());
            return row;
        }).toList());
    }
}
