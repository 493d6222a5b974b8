package cn.shapotou.litigation.casefile;

import cn.shapotou.litigation.deadlines.LegalClock;
import cn.shapotou.litigation.engine.EngineClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The case file's store: the bytes in the application's own database tables, beside the engine's, so that every node of
 * a cluster reads the same files and one database backup holds cases and papers together. A file is kept as numbered
 * chunks of {@value #CHUNK_BYTES} bytes, so neither storing nor serving it ever holds more than one chunk in memory,
 * whatever the database's driver does with binary columns. Its SHA-256 is computed on the way in and checked on the way
 * out. Rows are only ever added: a new version is a new file, and earlier versions stay.
 */
@Repository
public class FileStore {

    static final int CHUNK_BYTES = 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public FileStore(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** What {@link #store} is asked to keep. */
    public record Upload(String caseNumber, FileCategory category, String title, String fileName, FileType type,
                         String uploadedBy) {}

    /**
     * Writes the content chunk by chunk, then, in one short transaction that holds the case's row, numbers the version
     * and makes the file visible: a file is listed only once all of it is stored, and two clerks uploading the same
     * paper at once get versions n and n+1, never the same number.
     */
    public CaseFile store(Upload upload, InputStream content) throws IOException {
        String id = UUID.randomUUID().toString();
        try {
            Stored chunks = writeChunks(id, content);
            long size = chunks.size();
            String sha256 = chunks.sha256();
            Timestamp at = now();
            long length = size;
            Integer version = transaction.execute(status -> {
                jdbc.query("SELECT case_number FROM lit_case WHERE case_number = ? FOR UPDATE", rs -> { },
                        upload.caseNumber());
                int next = jdbc.queryForObject("SELECT COALESCE(MAX(version), 0) + 1 FROM lit_file "
                        + "WHERE case_number = ? AND category = ? AND title = ?", Integer.class,
                        upload.caseNumber(), upload.category().name(), upload.title());
                jdbc.update("INSERT INTO lit_file (id, case_number, category, title, file_name, content_type, size_bytes,"
                        + " sha256, version, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        id, upload.caseNumber(), upload.category().name(), upload.title(), upload.fileName(),
                        upload.type().mediaType(), length, sha256, next, upload.uploadedBy(), at);
                return next;
            });
            return new CaseFile(id, upload.caseNumber(), upload.category(), upload.title(), upload.fileName(),
                    upload.type().mediaType(), size, sha256, version, upload.uploadedBy(),
                    at.toInstant().atZone(LegalClock.ZONE).toOffsetDateTime());
        } catch (IOException | RuntimeException e) {
            jdbc.update("DELETE FROM lit_file_chunk WHERE file_id = ?", id);
            throw e;
        }
    }

    /** What {@link #storeUnlisted} kept: the chunks' file id, the length and the SHA-256 of the content. */
    public record Stored(String id, long size, String sha256) {}

    /**
     * Keeps content that is not one of the case's papers (the archive copy of its dossier, Art. 18) in the same chunks,
     * with its SHA-256, without a row in {@code lit_file}: the caller records the id in its own table, which
     * {@link #removeAbandonedChunks} must then know.
     */
    public Stored storeUnlisted(InputStream content) throws IOException {
        String id = UUID.randomUUID().toString();
        try {
            return writeChunks(id, content);
        } catch (IOException | RuntimeException e) {
            jdbc.update("DELETE FROM lit_file_chunk WHERE file_id = ?", id);
            throw e;
        }
    }

    private Stored writeChunks(String id, InputStream content) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(content, digest)) {
            byte[] chunk = new byte[CHUNK_BYTES];
            int seq = 0;
            int n;
            while ((n = in.readNBytes(chunk, 0, CHUNK_BYTES)) > 0) {
                byte[] data = n == CHUNK_BYTES ? chunk : java.util.Arrays.copyOf(chunk, n);
                jdbc.update("INSERT INTO lit_file_chunk (file_id, seq, data, stored_at) VALUES (?, ?, ?, ?)",
                        id, seq++, data, now());
                size += n;
            }
        }
        return new Stored(id, size, HexFormat.of().formatHex(digest.digest()));
    }

    /** Every version of every file of the case, by category in dossier order, then title, newest version first. */
    public List<CaseFile> files(String caseNumber) {
        return jdbc.query("SELECT * FROM lit_file WHERE case_number = ?", FileStore::row, caseNumber).stream()
                .sorted(java.util.Comparator.comparing(CaseFile::category).thenComparing(CaseFile::title)
                        .thenComparing(CaseFile::version, java.util.Comparator.reverseOrder()))
                .toList();
    }

    public Optional<CaseFile> file(String caseNumber, String id) {
        return jdbc.query("SELECT * FROM lit_file WHERE case_number = ? AND id = ?", FileStore::row, caseNumber, id)
                .stream().findFirst();
    }

    /** Whether the stored bytes still have the SHA-256 recorded when they came in. Reads them once, chunk by chunk. */
    public boolean intact(CaseFile file) {
        MessageDigest digest = sha256();
        forEachChunk(file, digest::update);
        return HexFormat.of().formatHex(digest.digest()).equals(file.sha256());
    }

    /**
     * Streams the bytes out, checking the digest again as they go: a change between the check and the copy (which
     * {@link #intact} makes unlikely, but a disk can fail at any time) breaks the copy off instead of finishing it.
     */
    public void copy(CaseFile file, OutputStream out) throws IOException {
        MessageDigest digest = sha256();
        IOException[] failure = new IOException[1];
        forEachChunk(file, data -> {
            if (failure[0] == null) {
                digest.update(data);
                try {
                    out.write(data);
                } catch (IOException e) {
                    failure[0] = e;
                }
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(file.sha256())) {
            throw new CorruptFileException(file);
        }
        out.flush();
    }

    private void forEachChunk(CaseFile file, java.util.function.Consumer<byte[]> consumer) {
        Integer chunks = jdbc.queryForObject("SELECT COUNT(*) FROM lit_file_chunk WHERE file_id = ?", Integer.class,
                file.id());
        for (int seq = 0; seq < chunks; seq++) {
            consumer.accept(jdbc.queryForObject("SELECT data FROM lit_file_chunk WHERE file_id = ? AND seq = ?",
                    byte[].class, file.id(), seq));
        }
    }

    /**
     * Chunks left by an upload that never finished (the node stopped mid-way): no file names them, and after a day no
     * upload still writing could. The archive copies of dossiers (Art. 18) are named by {@code lit_case_archive}, not by
     * {@code lit_file}, and are kept for good.
     */
    public int removeAbandonedChunks() {
        return jdbc.update("DELETE FROM lit_file_chunk WHERE stored_at < ? AND file_id NOT IN (SELECT id FROM lit_file)"
                        + " AND file_id NOT IN (SELECT file_id FROM lit_case_archive)",
                Timestamp.from(EngineClock.now().toInstant().minusSeconds(24 * 3600)));
    }

    /** Who read, downloaded or added what (kept for the Justice Bureau's supervision, Art. 3). */
    public void logAccess(String caseNumber, String user, String action, String fileId) {
        jdbc.update("INSERT INTO lit_file_access (case_number, user_id, action, file_id, accessed_at) VALUES (?, ?, ?, ?, ?)",
                caseNumber, user, action, fileId, now());
    }

    public record Access(Instant at, String user, String action, String fileId) {}

    public List<Access> accessLog(String caseNumber) {
        return jdbc.query("SELECT accessed_at, user_id, action, file_id FROM lit_file_access WHERE case_number = ? "
                        + "ORDER BY accessed_at, id",
                (rs, i) -> new Access(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4)),
                caseNumber);
    }

    private static CaseFile row(ResultSet rs, int i) throws SQLException {
        return new CaseFile(rs.getString("id"), rs.getString("case_number"),
                FileCategory.valueOf(rs.getString("category")), rs.getString("title"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getInt("version"),
                rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant().atZone(LegalClock.ZONE).toOffsetDateTime());
    }

    private static Timestamp now() {
        return new Timestamp(EngineClock.now().getTime());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
