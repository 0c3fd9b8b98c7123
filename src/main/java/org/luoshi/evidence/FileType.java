package org.luoshi.evidence;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The kinds of file Luoshi accepts, as told by their content; each with the extensions its name may carry. */
public enum FileType {

    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png"),
    PDF("application/pdf", "pdf"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    /** Word 97–2003 (OLE); only as evidence, where old minutes are still common. */
    DOC("application/msword", "doc"),
    /** Excel 97–2003 (OLE); only as evidence. */
    XLS("application/vnd.ms-excel", "xls");

    /** What an evidence file may be: photos, scans, PDF and office documents. */
    public static final Set<FileType> EVIDENCE = Set.copyOf(EnumSet.allOf(FileType.class));

    private final String mediaType;
    private final List<String> extensions;

    FileType(String mediaType, String... extensions) {
        this.mediaType = mediaType;
        this.extensions = List.of(extensions);
    }

    public String mediaType() {
        return mediaType;
    }

    boolean nameFits(String extension) {
        return extensions.contains(extension);
    }
}
