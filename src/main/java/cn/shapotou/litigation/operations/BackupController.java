package cn.shapotou.litigation.operations;

import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.web.ApiException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator's database backups (README「备份与恢复」): {@code POST /api/admin/backup} makes one now,
 * {@code GET /api/admin/backups} lists those kept. A backup holds every case and every paper of the system, so only the
 * system administrators (camunda-admin) may make or see them; they are not downloadable over HTTP.
 */
@RestController
public class BackupController {

    private final DatabaseBackup backup;
    private final CurrentUser user;

    public BackupController(DatabaseBackup backup, CurrentUser user) {
        this.backup = backup;
        this.user = user;
    }

    @PostMapping("/api/admin/backup")
    public ResponseEntity<Map<String, Object>> backupNow() {
        user.requireAdmin("只有系统管理员可以备份数据库");
        DatabaseBackup.Made made;
        try {
            made = backup.backupNow();
        } catch (DatabaseBackup.BackupException e) {
            throw new ApiException(e.busy() || !backup.supported() ? HttpStatus.CONFLICT
                    : HttpStatus.INTERNAL_SERVER_ERROR, null, e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fileName", made.fileName());
        body.put("size", made.size());
        body.put("createdAt", made.createdAt().toString());
        body.put("durationMillis", made.took().toMillis());
        body.put("directory", backup.dir().toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(body);
    }

    @GetMapping("/api/admin/backups")
    public Map<String, Object> list() {
        user.requireAdmin("只有系统管理员可以查看数据库备份");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supported", backup.supported());
        body.put("scheduled", backup.scheduled());
        body.put("cron", backup.cron());
        body.put("zone", DatabaseBackup.ZONE.getId());
        body.put("keep", backup.keep());
        body.put("directory", backup.dir().toString());
        List<Map<String, Object>> backups = backup.list().stream().map(k -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("fileName", k.fileName());
            entry.put("size", k.size());
            entry.put("createdAt", k.createdAt().toString());
            return entry;
        }).toList();
        body.put("backups", backups);
        return body;
    }
}
