package cn.shapotou.litigation.casefile;

/** A stored file whose bytes no longer have the SHA-256 recorded when it came in: it is never served. */
public class CorruptFileException extends RuntimeException {

    private final transient CaseFile file;

    public CorruptFileException(CaseFile file) {
        super("Stored file " + file.id() + " of case " + file.caseNumber() + " does not match its SHA-256 " + file.sha256());
        this.file = file;
    }

    public CaseFile file() {
        return file;
    }
}
