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

/** {@code GET /api/supervision/overdue} (CONTRACT §5): every overdue item, for the Justice Bureau (Art. 3). */
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
            return row;
        }).toList());
    }
}
