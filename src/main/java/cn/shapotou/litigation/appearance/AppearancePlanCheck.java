package cn.shapotou.litigation.appearance;

import cn.shapotou.litigation.appearance.Agent.AgentKind;
import cn.shapotou.litigation.appearance.Agent.Authority;
import cn.shapotou.litigation.appearance.AppearancePlan.HeadPost;
import cn.shapotou.litigation.web.FieldError;
import cn.shapotou.litigation.web.FormRefusal;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/** End listener of 确定出庭人员: a plan that breaks Art. 7–8 is refused with the article cited. */
@Component("appearancePlanCheck")
public class AppearancePlanCheck implements ExecutionListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void notify(DelegateExecution execution) throws JsonProcessingException {
        if (execution.isCanceled()) {
            return;
        }
        Object head = execution.getVariable("headAppears");
        if (head == null || !"true".equals(String.valueOf(head)) && !"false".equals(String.valueOf(head))) {
            throw FormRefusal.of(List.of(new FieldError("headAppears", "须选择行政机关负责人是否出庭（headAppears）")));
        }
        boolean headAppears = Boolean.parseBoolean(String.valueOf(head));
        String post = (String) execution.getVariable("headPost");
        AppearancePlan plan = new AppearancePlan(headAppears, (String) execution.getVariable("headName"),
                post == null || post.isBlank() ? null : HeadPost.valueOf(post),
                (String) execution.getVariable("absenceExplanation"), agents(AgentFields.read(execution)));
        List<String> refusals = new AppearancePlanRule().check(plan,
                Boolean.TRUE.equals(execution.getVariable("headAppearanceRequired")),
                "UPHELD".equals(execution.getVariable("reconsideration")),
                (String) execution.getVariable("leadUnit"));
        if (!refusals.isEmpty()) {
            throw FormRefusal.of("出庭人员安排不符合规定", refusals.stream()
                    .map(r -> new FieldError(r.contains("负责人") ? "headAppears" : "agents", r)).toList());
        }
        execution.setVariable("headAppears", headAppears);
        execution.setVariable("appearancePlan", SpinValues.jsonValue(JSON.writeValueAsString(AgentFields.read(execution)))
                .create());
    }

    static List<Agent> agents(List<Map<String, Object>> list) {
        List<Agent> agents = new ArrayList<>();
        for (Map<String, Object> a : list) {
            String name = (String) a.get("agentName");
            if (name == null || name.isBlank()) {
                continue;
            }
            String kind = (String) a.get("agentKind");
            String authority = (String) a.get("agentAuthority");
            agents.add(new Agent(name, (String) a.get("agentUnit"), (String) a.get("agentPost"),
                    kind == null || kind.isBlank() ? null : AgentKind.valueOf(kind),
                    Boolean.TRUE.equals(a.get("agentIsHandler")) || "true".equals(a.get("agentIsHandler")),
                    authority == null || authority.isBlank() ? null : Authority.valueOf(authority)));
        }
        return agents;
    }
}
