package cn.shapotou.litigation.casefile;

import cn.shapotou.litigation.casecore.CaseAccess;
import cn.shapotou.litigation.casecore.CaseView;
import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineClock;
import cn.shapotou.litigation.identity.CurrentUser;
import cn.shapotou.litigation.identity.Roles;
import cn.shapotou.litigation.web.ApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The archive copies of a case's dossier (立卷归档, Art. 18): made when the case is archived, kept in the application's
 * own tables with the case's data beside the papers, so that the archive outlives the engine's history of the case,
 * which expires. Every archive of a case (a retrial or an enforcement reopens it, and it is archived again) has its own
 * copy, numbered 1, 2, …; none is ever replaced or deleted.
 */
@Service
public class CaseArchives {

    static final String ACTION_ARCHIVE_DOWNLOAD = "ARCHIVE_DOWNLOAD";

    private static final Logger log = LoggerFactory.getLogger(CaseArchives.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final FileStore store;
    private final Dossier dossier;
    private final CaseFiles files;
    private final CaseView cases;
    private final CaseInformation information;
    private final CurrentUser user;

    public CaseArchives(JdbcTemplate jdbc, TransactionTemplate transaction, FileStore store, Dossier dossier,
                        CaseFiles files, CaseView cases, CaseInformation information, CurrentUser user) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.store = store;
        this.dossier = dossier;
        this.files = files;
        this.cases = cases;
        this.information = information;
        this.user = user;
    }

    /** One archiving of the case, as the 立卷归档 task recorded it; {@code sourceId} tells one archiving from another. */
    public record Request(String caseNumber, String archiveNumber, LocalDate archivedOn, String archivedBy,
                          Instant archivedAt, String sourceId) {}

    /** One stored archive copy. */
    public record Copy(String caseNumber, int seq, String archiveNumber, String fileId, String sha256, long size,
                       OffsetDateTime archivedAt, String archivedBy, LocalDate archivedOn, List<String> participants) {

        public Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("seq", seq);
            json.put("archiveNumber", archiveNumber);
            json.put("archivedAt", archivedAt.toString());
            json.put("archivedBy", archivedBy);
            json.put("archivedOn", archivedOn == null ? null : archivedOn.toString());
            json.put("size", size);
            json.put("sha256", sha256);
            return json;
        }

        /** The copy as a stored file, so the store's SHA-256 checks and its refusal apply to it unchanged. */
        CaseFile asStoredFile() {
            return new CaseFile(fileId, caseNumber, FileCategory.OTHER, "归档副本" + seq, fileName(), "application/zip",
                    size, sha256, seq, archivedBy, archivedAt);
        }

        public String fileName() {
            return "卷宗-" + Dossier.safe(caseNumber) + "-归档" + seq + ".zip";
        }
    }

    /**
     * Makes and keeps the archive copy of this archiving, once: run again for the same {@code sourceId} (a job retried
     * after its transaction failed, or run twice) it returns the copy already kept. The ZIP is written to a temporary
     * file and stored from there chunk by chunk, never held in memory.
     */
    public Copy storeCopy(Request request) throws IOException {
        Optional<Copy> done = bySource(request.sourceId());
        if (done.isPresent()) {
            return done.get();
        }
        String caseNumber = request.caseNumber();
        Map<String, Object> variables = cases.caseVariables(caseNumber).orElseThrow(
                () -> new IllegalStateException("No case " + caseNumber + " to archive"));
        Map<String, Object> caseJson = information.render(caseNumber, variables);
        Dossier.Contents contents = dossier.prepare(caseNumber, variables, new Dossier.Archiving(
                request.archiveNumber(), request.archivedOn(), request.archivedBy(),
                request.archivedAt().atZone(LegalClock.ZONE).toOffsetDateTime()));
        String participants = String.join(",", CaseAccess.participants(variables));
        Path temp = Files.createTempFile("archive-", ".zip");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                dossier.write(contents, out, caseJson);
            }
            FileStore.Stored stored;
            try (InputStream in = Files.newInputStream(temp)) {
                stored = store.storeUnlisted(in);
            }
            return transaction.execute(status -> {
                jdbc.query("SELECT case_number FROM lit_case WHERE case_number = ? FOR UPDATE", rs -> { }, caseNumber);
                Optional<Copy> meanwhile = bySource(request.sourceId());
                if (meanwhile.isPresent()) {
                    jdbc.update("DELETE FROM lit_file_chunk WHERE file_id = ?", stored.id());
                    return meanwhile.get();
                }
                int seq = jdbc.queryForObject("SELECT COALESCE(MAX(seq), 0) + 1 FROM lit_case_archive"
                        + " WHERE case_number = ?", Integer.class, caseNumber);
                jdbc.update("INSERT INTO lit_case_archive (case_number, seq, archive_number, file_id, sha256, size_bytes,"
                                + " archived_at, archived_by, archived_on, source_id, participants, stored_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        caseNumber, seq, request.archiveNumber(), stored.id(), stored.sha256(), stored.size(),
                        Timestamp.from(request.archivedAt()), request.archivedBy(),
                        request.archivedOn() == null ? null : Date.valueOf(request.archivedOn()),
                        request.sourceId(), participants, new Timestamp(EngineClock.now().getTime()));
                log.info("Archive copy {} of case {} stored: {} bytes, SHA-256 {}", seq, caseNumber, stored.size(),
                        stored.sha256());
                return bySource(request.sourceId()).orElseThrow();
            });
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The copies of the case, oldest first; 404 for a caller who may not read it. */
    public List<Copy> list(String caseNumber) {
        checkAccess(caseNumber);
        return copies(caseNumber);
    }

    /** The copy checked against its SHA-256 (refused and logged when it no longer matches), ready to stream. */
    public Copy openForDownload(String caseNumber, int seq) {
        checkAccess(caseNumber);
        Copy copy = copies(caseNumber).stream().filter(c -> c.seq() == seq).findFirst().orElseThrow(
                () -> new ApiException(HttpStatus.NOT_FOUND, "seq", "本案没有第 " + seq + " 份归档副本"));
        files.verify(copy.asStoredFile());
        store.logAccess(caseNumber, user.id(), ACTION_ARCHIVE_DOWNLOAD, copy.fileId());
        return copy;
    }

    public void copy(Copy copy, OutputStream out) throws IOException {
        store.copy(copy.asStoredFile(), out);
    }

    /**
     * The case's own rule ({@link CaseFiles#checkAccess}); once the engine's history of the case has expired, the units
     * that took part when it was archived, as the copies recorded them, still may (the archive is kept for them, Art. 18).
     */
    private void checkAccess(String caseNumber) {
        try {
            files.checkAccess(caseNumber);
        } catch (ApiException e) {
            List<String> groups = user.groups();
            boolean tookPart = e.status() == HttpStatus.NOT_FOUND && !Roles.any(groups, Roles.SUPERVISORS)
                    && copies(caseNumber).stream().anyMatch(c -> c.participants().stream().anyMatch(groups::contains));
            if (!tookPart) {
                throw e;
            }
        }
    }

    List<Copy> copies(String caseNumber) {
        return jdbc.query("SELECT * FROM lit_case_archive WHERE case_number = ? ORDER BY seq", CaseArchives::row,
                caseNumber);
    }

    private Optional<Copy> bySource(String sourceId) {
        return jdbc.query("SELECT * FROM lit_case_archive WHERE source_id = ?", CaseArchives::row, sourceId).stream()
                .findFirst();
    }

    private static Copy row(ResultSet rs, int i) throws SQLException {
        Date on = rs.getDate("archived_on");
        String participants = rs.getString("participants");
        return new Copy(rs.getString("case_number"), rs.getInt("seq"), rs.getString("archive_number"),
                rs.getString("file_id"), rs.getString("sha256"), rs.getLong("size_bytes"),
                rs.getTimestamp("archived_at").toInstant().atZone(LegalClock.ZONE).toOffsetDateTime(),
                rs.getString("archived_by"), on == null ? null : on.toLocalDate(),
                participants == null || participants.isBlank() ? List.of() : Arrays.asList(participants.split(",")));
    }
}
