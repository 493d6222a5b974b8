package cn.shapotou.litigation.escalation;

import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.ApiException;
import java.util.List;
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
    public List<Row> overdue() {
        if (!user.in(Roles.SUPERVISORS)) {
            throw new ApiException(HttpStatus.FORBIDDEN, null, "只有区司法局和系统管理员可以查看全部逾期事项");
        }
        return system.call(() -> overdue.now().stream().map(Row::of).toList());
    }

    /**
     * One item as the list gives it, its fields in this order (serialized as they stand, not copied into a map first:
     * the list has thousands). The agreed fields, then what was added to them: who claimed a task, every unit holding
     * a case-level item, the deadline served.
     */
    public record Row(String caseNumber, String item, String unit, String unitName, String due, long daysOverdue,
                      String taskId, String processInstanceId, String assignee, List<String> holders, String holding,
                      String deadline, boolean courtDeadline) {

        static Row of(OverdueItem item) {
            return new Row(item.caseNumber(), item.item(), item.unit(), item.unitName(), item.due().toString(),
                    item.daysOverdue(), item.taskId(), item.processInstanceId(), item.assignee(), item.holders(),
                    item.holding(), item.deadline(), item.courtDeadline());
        }
    }
}
