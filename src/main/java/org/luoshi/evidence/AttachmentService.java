package org.luoshi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.apache.tika.Tika;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.RuleViolationException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores evidence files. The type is taken from the content (magic bytes), not the name, and a
 * name that claims another type is refused. A file whose transaction rolls back is deleted, so a
 * failed save leaves neither a record nor an orphan file.
 */
@Service
@Transactional
public class AttachmentService {

    /** Accepted types and the extensions each may carry. */
    private static final Map<String, String> ACCEPTED = Map.of(
            "image/jpeg", "jpg jpeg",
            "image/png", "png",
            "image/gif", "gif",
            "image/webp", "webp",
            "application/pdf", "pdf",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx",
            "application/msword", "doc",
            "application/vnd.ms-excel", "xls");

    private final AttachmentRepository attachments;
    private final EvidenceSettings settings;
    private final Tika tika = new Tika();
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, EvidenceSettings settings, Clock clock) {
        this.clock = clock;
        this.attachments = attachments;
        this.settings = settings;
    }

    /** Checks and stores an uploaded file for a unit; refused files raise a RuleViolationException with the reason. */
    public Attachment store(long orgUnitId, String uploadedBy, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new RuleViolationException("evidence.empty");
        }
        try (InputStream in = file.getInputStream()) {
            return store(orgUnitId, uploadedBy, file.getOriginalFilename(), in);
        } catch (IOException e) {
            throw new RuleViolationException("evidence.unreadable");
        }
    }

    /** Checks and stores a file from a stream (for imports and demo data). */
    public Attachment store(long orgUnitId, String uploadedBy, String fileName, InputStream content) throws IOException {
        String name = cleanName(fileName);
        LocalDate today = LocalDate.now(clock);
        String key = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID();
        Path target = settings.root().resolve(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "upload-", ".part");
        try {
            MessageDigest sha = sha256();
            long size = copyLimited(content, temp, sha);
            String type = detect(temp, name);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            deleteOnRollback(target);
            return attachments.save(new Attachment(orgUnitId, name, type, size, HexFormat.of().formatHex(sha.digest()),
                    key, uploadedBy, clock.instant()));
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Transactional(readOnly = true)
    public Attachment get(long id) {
        return attachments.findById(id).orElseThrow(() -> new NotFoundException("Attachment", id));
    }

    /** The file as a download response. The caller has checked that the user may see the owner. */
    public ResponseEntity<Resource> download(Attachment attachment, boolean inline) {
        Path file = settings.root().resolve(attachment.getStorageKey());
        if (!Files.exists(file)) {
            throw new NotFoundException("AttachmentFile", attachment.getId());
        }
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(attachment.getFileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.getContentType()))
                .contentLength(attachment.getSizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SHA256", attachment.getSha256())
                .body(new FileSystemResource(file));
    }

    private long copyLimited(InputStream content, Path temp, MessageDigest sha) throws IOException {
        long max = settings.maxBytes();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
            int n;
            while ((n = content.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new RuleViolationException("evidence.tooLarge", settings.evidence().maxSize().toMegabytes());
                }
                out.write(buffer, 0, n);
            }
        }
        if (total == 0) {
            throw new RuleViolationException("evidence.empty");
        }
        return total;
    }

    private String detect(Path file, String name) throws IOException {
        String type;
        try (InputStream in = Files.newInputStream(file)) {
            type = tika.detect(in, name);
        }
        String extensions = ACCEPTED.get(type);
        if (extensions == null) {
            throw new RuleViolationException("evidence.typeNotAccepted");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase() : "";
        if (!(" " + extensions + " ").contains(" " + extension + " ")) {
            throw new RuleViolationException("evidence.typeMismatch", extension);
        }
        return type;
    }

    private static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
        if (name.isEmpty()) {
            throw new RuleViolationException("evidence.noName");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    private static void deleteOnRollback(Path file) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            Files.deleteIfExists(file);
                        } catch (IOException ignored) {
                            // A leftover file without a row is harmless and unreachable.
                        }
                    }
                }
            });
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
