package cn.shapotou.litigation.casefile;

/**
 * The kinds of file a case file accepts: what courts serve (PDF, OFD — the national standard for electronic official
 * documents, GB/T 33190), what offices write (Word, WPS, Excel) and what scanners produce (JPEG, PNG, TIFF).
 */
public enum FileType {
    PDF("application/pdf", "pdf"),
    OFD("application/ofd", "ofd"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    DOC("application/msword", "doc"),
    WPS("application/wps-office.wps", "wps"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    XLS("application/vnd.ms-excel", "xls"),
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png"),
    TIFF("image/tiff", "tif");

    private final String mediaType;
    private final String extension;

    FileType(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }
}
