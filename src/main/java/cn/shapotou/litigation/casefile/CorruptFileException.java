package cn.shapotou.litigation.casefile;

/** A stored file whose bytes no longer have the SHA-256 recorded when it came in: it is never served. */
public class CorruptFileException extends RuntimeException {

    private final transient CaseFile file;

    public CorruptFileException(CaseFile file) {
        // Also the incident's message when the archive copy's job meets the file: in Chinese, for the administrators.
        super("案件 " + file.caseNumber() + " 的文件「" + file.fileName() + "」（" + file.id() + "）存储内容与上传时的 SHA-256 "
                + file.sha256() + " 不符，可能已损坏，请从备份恢复");
        this.file = file;
    }

    public CaseFile file() {
        return file;
    }
}
