package cn.shapotou.litigation.robots;

import cn.shapotou.litigation.units.UnitDirectory;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
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
 * The unit id is the unit's id in the unit directory, or {@code district-leaders} for the district leaders. Any
 * value may come from an environment variable by Spring's relaxed binding, e.g.
 * {@code LITIGATION_ROBOTS_JUSTICEBUREAU_DINGTALK_SECRET} (upper case, the id's '-' left out). Kept out of
 * {@code units.yaml} on purpose: the webhooks are credentials, which belong to the deployment's configuration
 * (environment variables, {@code ${...}} placeholders) rather than to a file that is versioned with the application.
 */
@Component
public class RobotSettings {

    public record DingTalk(String webhook, String secret) {}

    public record WeCom(String webhook) {}

    public record UnitRobots(DingTalk dingtalk, WeCom wecom) {}

    private static final Logger log = LoggerFactory.getLogger(RobotSettings.class);

    private final Map<String, List<Robot>> robots = new TreeMap<>();

    public RobotSettings(Environment environment, UnitDirectory directory) {
        Binder binder = Binder.get(environment);
        // Every unit of the directory is looked up by its own name, so that an environment variable finds a unit id
        // with '-' (LITIGATION_ROBOTS_JUSTICEBUREAU_DINGTALK_SECRET for justice-bureau); a map binding alone would
        // read that variable as a unit "justicebureau".
        Set<String> ids = new LinkedHashSet<>();
        directory.all().forEach(u -> ids.add(u.id()));
        ids.add(UnitDirectory.DISTRICT_LEADERS);
        Set<String> configured = binder.bind("litigation.robots", Bindable.mapOf(String.class, UnitRobots.class))
                .orElse(Map.of()).keySet();
        for (String id : configured) {
            if (!ids.contains(id) && ids.stream().noneMatch(known -> known.replace("-", "").equals(id))) {
                log.warn("litigation.robots.{}: no such unit in the unit directory; its robots are used as configured",
                        id);
                ids.add(id);
            }
        }
        for (String unit : ids) {
            UnitRobots config = binder.bind(ConfigurationPropertyName.of("litigation.robots").append(unit),
                    Bindable.of(UnitRobots.class)).orElse(null);
            if (config == null) {
                continue;
            }
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
                log.info("Group robots of {}: {}", unit, list);
            }
        }
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
