package cn.shapotou.litigation.casefile;

import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.SystemAccess;
import cn.shapotou.litigation.web.ApiException;
import cn.shapotou.litigation.web.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * The case file (电子卷宗): every paper of a case, for whoever may read the case — its participating units, the Justice
 * Bureau that supervises every case (Art. 3) and the administrators; for anyone else the case does not exist (404).
 * Nothing is ever deleted: a new version of a paper replaces it in the list and the earlier ones remain, so the dossier
 * of Art. 18 can always show what was filed when.
 */
@Service
public class CaseFiles {

    /** Court scans of a whole judgment with its annexes reach tens of megabytes; more than this is not one paper. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    static final String ACTION_UPLOAD = "UPLOAD";
    static final String ACTION_DOWNLOAD = "DOWNLOAD";
    static final String ACTION_REFUSED = "INTEGRITY_FAILURE";

    private static final Logger log = LoggerFactory.getLogger(CaseFiles.class);
    private static final int MAX_TITLE = 200;

    private final FileStore store;
    private final FileTypeDetector types;
    private final CaseView cases;
    private final SystemAccess system;
    private final CurrentUser user;

    public CaseFiles(FileStore store, FileTypeDetector types, CaseView cases, SystemAccess system, CurrentUser user) {
        this.store = store;
        this.types = types;
        this.cases = cases;
        this.system = system;
        this.user = user;
    }

    /**
     * 404 unless the caller may read the case (the same rule as {@code GET /api/cases/{caseNumber}}); the case's
     * variables when they may.
     */
    public Map<String, Object> checkAccess(String caseNumber) {
        List<String> groups = user.groups();
        return system.call(() -> cases.visibleTo(caseNumber, groups));
    }

    /** Stores an uploaded paper after checking the caller, the category, the size and — by its bytes — the type. */
    public CaseFile upload(String caseNumber, String category, String title, MultipartFile file) {
        checkAccess(caseNumber);
        List<FieldError> errors = new ArrayList<>();
        FileCategory fileCategory = FileCategory.of(category == null ? "" : category.trim()).orElse(null);
        if (fileCategory == null) {
            errors.add(new FieldError("category", category == null || category.isBlank()
                    ? "请选择材料类别" : "没有这种材料类别：" + category));
        }
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.length() > MAX_TITLE) {
            errors.add(new FieldError("title", "标题不能超过 " + MAX_TITLE + " 个字"));
        }
        if (file == null || file.isEmpty()) {
            errors.add(new FieldError("file", "请选择要上传的文件（文件不能为空）"));
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors);
        }
        try (Spooled spooled = spool(file, "file")) {
            return store(caseNumber, fileCategory, cleanTitle, spooled);
        }
    }

    /**
     * An upload on the server's disk with its type judged, before anything of the case changes: a request that also
     * registers something (a case, a court document) checks its files first, so a refused file changes nothing.
     */
    public Spooled spool(MultipartFile file, String field) {
        if (file == null || file.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, field, "请选择要上传的文件（文件不能为空）");
        }
        if (file.getSize() > MAX_BYTES) {
            throw tooLarge(field);
        }
        String fileName = fileName(file.getOriginalFilename());
        Path path = null;
        try {
            path = Files.createTempFile("case-file-", ".upload");
            // As a File: the container then moves its own temporary file here (Part.write); transferTo(Path) would
            // copy all 50 MiB through a stream.
            file.transferTo(path.toFile());
            FileType type = types.detect(path, fileName).orElseThrow(() -> new ApiException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, field, "不接受这种文件（按文件内容判断，不看扩展名）：只接受 PDF、OFD、"
                            + "Word（DOCX、DOC）、WPS、Excel（XLSX、XLS）和 JPEG、PNG、TIFF 图片"));
            return new Spooled(path, type, fileName);
        } catch (IOException e) {
            deleteQuietly(path);
            throw new IllegalStateException("Could not spool an upload", e);
        } catch (RuntimeException e) {
            deleteQuietly(path);
            throw e;
        }
    }

    /** A spooled upload; closing it removes the temporary file. */
    public record Spooled(Path path, FileType type, String fileName) implements AutoCloseable {
        @Override
        public void close() {
            deleteQuietly(path);
        }
    }

    /** Keeps a spooled upload as the next version of the paper; the caller has checked the case and the category. */
    public CaseFile store(String caseNumber, FileCategory category, String title, Spooled spooled) {
        String cleanTitle = title == null ? "" : title.strip();
        String fileName = withExtension(spooled.fileName().isEmpty()
                ? (cleanTitle.isEmpty() ? category.label() : cleanTitle) : spooled.fileName(), spooled.type());
        if (cleanTitle.isEmpty()) {
            cleanTitle = baseName(fileName);
        }
        try (InputStream in = Files.newInputStream(spooled.path())) {
            CaseFile stored = store.store(new FileStore.Upload(caseNumber, category, cleanTitle, fileName, spooled.type(),
                    user.id()), in);
            store.logAccess(caseNumber, user.id(), ACTION_UPLOAD, stored.id());
            return stored;
        } catch (IOException e) {
            throw new IllegalStateException("Could not store an upload to case " + caseNumber, e);
        }
    }

    /** The newest version of each paper, or with {@code allVersions} every version, in dossier order. */
    public List<CaseFile> list(String caseNumber, boolean allVersions) {
        checkAccess(caseNumber);
        return allVersions ? store.files(caseNumber) : newest(store.files(caseNumber));
    }

    /** The newest version of each paper of the case, without an access check (for the archive and the dossier). */
    public List<CaseFile> newestOf(String caseNumber) {
        return newest(store.files(caseNumber));
    }

    /** Every version of every paper of the case, without an access check (for the rules that read the case file). */
    public List<CaseFile> allVersionsOf(String caseNumber) {
        return store.files(caseNumber);
    }

    /** The file, refused if its bytes no longer match their SHA-256; 404 for a file of another case or no file. */
    public CaseFile openForDownload(String caseNumber, String id) {
        checkAccess(caseNumber);
        CaseFile file = store.file(caseNumber, id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "id",
                "本案没有这个文件：" + id));
        verify(file);
        store.logAccess(caseNumber, user.id(), ACTION_DOWNLOAD, file.id());
        return file;
    }

    /** Refuses a file whose bytes changed since it came in, and records the refusal for the administrators. */
    public void verify(CaseFile file) {
        if (!store.intact(file)) {
            throw refused(file);
        }
    }

    /** Logs and records the refusal of a file found not to match its SHA-256; the exception to throw. */
    CorruptFileException refused(CaseFile file) {
        log.error("Case file {} of case {} does not match its SHA-256 {}; refused", file.id(), file.caseNumber(),
                file.sha256());
        store.logAccess(file.caseNumber(), user.id(), ACTION_REFUSED, file.id());
        return new CorruptFileException(file);
    }

    public void copy(CaseFile file, OutputStream out) throws IOException {
        store.copy(file, out);
    }

    public List<FileStore.Access> accessLog(String caseNumber) {
        checkAccess(caseNumber);
        return store.accessLog(caseNumber);
    }

    static ApiException tooLarge(String field) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, field, "文件过大：每个文件不超过 50 MiB，请分册扫描后分别上传");
    }

    private static List<CaseFile> newest(List<CaseFile> all) {
        Map<String, CaseFile> newest = new LinkedHashMap<>();
        for (CaseFile f : all) {
            newest.putIfAbsent(f.category() + "\u0000" + f.title(), f);
        }
        return List.copyOf(newest.values());
    }

    /** The name as the uploader's computer had it, without a path and without control characters. */
    static String fileName(String original) {
        if (original == null) {
            return "";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        return name.length() > MAX_TITLE ? name.substring(name.length() - MAX_TITLE) : name;
    }

    /** A PDF named {@code 答辩状.docx} downloads as {@code 答辩状.pdf}, so the reader's computer opens it. */
    static String withExtension(String fileName, FileType type) {
        String lower = fileName.toLowerCase(java.util.Locale.ROOT);
        boolean fits = lower.endsWith("." + type.extension())
                || type == FileType.JPEG && lower.endsWith(".jpeg")
                || type == FileType.TIFF && lower.endsWith(".tiff");
        return fits ? fileName : baseName(fileName) + "." + type.extension();
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.warn("Could not delete temporary file {}", path);
            }
        }
    }
}
