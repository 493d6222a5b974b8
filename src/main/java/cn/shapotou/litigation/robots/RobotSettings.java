package cn.shapotou.litigation.robots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The group robots of each unit, from {@code litigation.robots.<unit id>}:
 * <pre>
 * litigation:
 *   robots:
 *     justice-bureau:
 *       dingtalk:
 *         webhook: https://oapi.dingtalk.com/robot/send?access_token=...
 *         secret: SEC...            # 加签; leave out if the robot uses keywords or an IP list instead
 *       wecom:
 *         webhook: https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...
 * </pre>
 * The unit id is the unit's id in the unit directory, or {@code district-leaders} for the district leaders. Kept out of
 * {@code units.yaml} on purpose: the webhooks are credentials, which belong to the deployment's configuration
 * (environment variables, {@code ${...}} placeholders) rather than to a file that is versioned with the application.
 */
@Component
public class RobotSettings {

    public record DingTalk(String webhook, String secret) {}

    public record WeCom(String webhook) {}

    public record UnitRobots(DingTalk dingtalk, WeCom wecom) {}

    private final Map<String, List<Robot>> robots = new TreeMap<>();

    public RobotSettings(Environment environment) {
        Map<String, UnitRobots> configured = Binder.get(environment)
                .bind("litigation.robots", Bindable.mapOf(String.class, UnitRobots.class)).orElse(Map.of());
        configured.forEach((unit, config) -> {
            List<Robot> list = new ArrayList<>();
            if (config.dingtalk() != null && notBlank(config.dingtalk().webhook())) {
                list.add(new Robot(unit, Robot.Channel.DINGTALK, config.dingtalk().webhook().strip(),
                        notBlank(config.dingtalk().secret()) ? config.dingtalk().secret().strip() : null));
            }
            if (config.wecom() != null && notBlank(config.wecom().webhook())) {
                list.add(new Robot(unit, Robot.Channel.WECOM, config.wecom().webhook().strip(), null));
            }
            if (!list.isEmpty()) {
                robots.put(unit, List.copyOf(list));
            }
        });
    }

    public List<Robot> of(String unit) {
        return unit == null ? List.of() : robots.getOrDefault(unit, List.of());
    }

    /** Units with at least one robot. */
    public List<String> units() {
        return List.copyOf(robots.keySet());
    }

    public Robot byKey(String key) {
        return robots.values().stream().flatMap(List::stream).filter(r -> r.key().equals(key)).findFirst()
                .orElse(null);
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
