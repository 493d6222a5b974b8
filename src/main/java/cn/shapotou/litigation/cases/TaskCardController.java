package cn.shapotou.litigation.cases;

import cn.shapotou.litigation.web.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/task-cards?ids=ID,ID…}: for Tasklist's list (litigation/task-card.js), one card a task the caller
 * may see — full case number, due day, days overdue, times returned. One request for the whole page of tasks.
 */
@RestController
public class TaskCardController {

    private final TaskCards cards;

    public TaskCardController(TaskCards cards) {
        this.cards = cards;
    }

    @GetMapping("/api/task-cards")
    public List<Map<String, Object>> cards(@RequestParam(name = "ids", required = false) String ids) {
        if (ids == null || ids.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "ids", "任务编号不能为空，多个编号用英文逗号分隔");
        }
        List<String> list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct()
                .toList();
        if (list.size() > TaskCards.MAX_TASKS) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "ids",
                    "任务编号一次最多 " + TaskCards.MAX_TASKS + " 个，收到 " + list.size() + " 个");
        }
        if (list.stream().anyMatch(id -> id.length() > 64)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "ids", "任务编号格式不正确");
        }
        return cards.of(list);
    }
}
