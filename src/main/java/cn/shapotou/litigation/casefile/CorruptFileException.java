package cn.shapotou.litigation.casefile;

import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FieldError;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A stored file whose bytes no longer have the SHA-256 recorded when it came in: it is never served. {@code /api}
 * answers 500 with the Chinese message below (an {@link ApiException}, so web/ needs to know nothing of case files).
 */
public class CorruptFileException extends ApiException {

    private final transient CaseFile file;

    public CorruptFileException(CaseFile file) {
        // Also the incident's message when the archive copy's job meets the file: in Chinese, for the administrators.
        super("案件 " + file.caseNumber() + " 的文件「" + file.fileName() + "」（" + file.id() + "）存储内容与上传时的 SHA-256 "
                + file.sha256() + " 不符，可能已损坏，请从备份恢复", HttpStatus.INTERNAL_SERVER_ERROR,
                List.of(new FieldError("id", "文件「" + file.fileName() + "」的存储内容与上传时的"
                        + " SHA-256 校验值不符，可能已损坏，系统拒绝提供并已记录；请联系系统管理员从备份恢复")));
        this.file = file;
    }

    public CaseFile file() {
        return file;
    }
}
