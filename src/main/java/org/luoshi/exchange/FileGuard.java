package org.luoshi.exchange;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.luoshi.evidence.ContentCheck;
import org.luoshi.evidence.FileType;
import org.luoshi.web.UploadException;
import org.springframework.stereotype.Component;

/**
 * Looks at an uploaded spreadsheet before any parser does, with the one content check every upload
 * passes (zip bombs, DOCTYPE, encryption, the real type inside the container), and says what is
 * wrong in the words of an import: an old .xls is to be saved as .xlsx, anything else is not the
 * template. Part of the module's API: every .xlsx upload (ledger exchange, checklist import) goes
 * through it.
 */
@Component
public class FileGuard {

    /** Refusals an import words for itself; the rest say "not an .xlsx". */
    private static final Map<String, String> IMPORT_WORDS = Map.of(
            "evidence.empty", "exchange.file.empty",
            "evidence.encrypted", "exchange.file.encrypted",
            "evidence.doctype", "exchange.file.doctype",
            "evidence.unpackedTooLarge", "exchange.file.tooLarge",
            "evidence.macros", "evidence.macros");

    private final ContentCheck check;

    public FileGuard(ContentCheck check) {
        this.check = check;
    }

    /** Refuses the file with an {@link ExchangeFileException} naming the reason (message key in the exchange bundle). */
    public void check(Path file) throws IOException {
        FileType type;
        try {
            type = check.check(file, null, Set.of(FileType.XLSX, FileType.XLS));
        } catch (UploadException e) {
            if (e.isStorageFault()) {
                throw e;
            }
            throw new ExchangeFileException(IMPORT_WORDS.getOrDefault(e.messageKey(), "exchange.file.notXlsx"), e.args());
        }
        if (type == FileType.XLS) {
            throw new ExchangeFileException("exchange.file.xls");
        }
    }
}
