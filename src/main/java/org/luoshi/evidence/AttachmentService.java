package org.luoshi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.UUID;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.UploadException;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores evidence files in the {@link EvidenceStore}. The type is taken from the content by {@link ContentCheck}
 * and a name that claims another type is refused. The file is written to a temporary file (beside its place
 * in a directory) and only then stored, so a full or read-only disk, or an unreachable bucket, leaves no
 * partial file and gets a message about the storage, not about the user's file. A file whose transaction rolls back is deleted, so a failed
 * save leaves neither a record nor an orphan file.
 */
@Service
@Transactional
public class AttachmentService {

    private final AttachmentRepository attachments;
    private final EvidenceSettings settings;
    private final EvidenceStore store;
    private final ContentCheck check;
    private final Clock clock;

    AttachmentService(AttachmentRepository attachments, EvidenceSettings settings, EvidenceStore store, ContentCheck check,
            Clock clock) {
        this.clock = clock;
        this.attachments = attachments;
        this.settings = settings;
        this.store = store;
        this.check = check;
    }

    /** Checks and stores an uploaded file for a unit; refused files raise an {@link UploadException} with the reason. */
    public Attachment store(long orgUnitId, String uploadedBy, MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw new UploadException(HttpStatus.BAD_REQUEST, "evidence.empty");
        }
        InputStream in;
        try {
            in = file.getInputStream();
        } catch (IOException e) {
            throw new UploadException(HttpStatus.BAD_REQUEST, "evidence.unreadable");
        }
        try (in) {
            return store(orgUnitId, uploadedBy, file.getOriginalFilename(), in);
        } catch (IOException e) {
            // Reading the upload broke off (the client went away, or the request was cut short).
            throw new UploadException(HttpStatus.BAD_REQUEST, "evidence.unreadable");
        }
    }

    /**
     * Checks and stores a file from a stream (for imports and demo data). An {@link IOException} is
     * the source failing; a failure to write to the storage is an {@link UploadException} of its own.
     */
    public Attachment store(long orgUnitId, String uploadedBy, String fileName, InputStream content) throws IOException {
        String name = ContentCheck.safeName(fileName);
        LocalDate today = LocalDate.now(clock);
        String key = today.getYear() + "/" + String.format("%02d", today.getMonthValue()) + "/" + UUID.randomUUID();
        Path temp;
        try {
            temp = store.newTempFile(key);
        } catch (IOException | SecurityException e) {
            throw UploadException.storage(e);
        }
        try {
            MessageDigest sha = sha256();
            long size = copyLimited(content, temp, sha);
            FileType type = check.check(temp, name, FileType.EVIDENCE);
            try {
                store.put(key, temp);
            } catch (IOException | SecurityException e) {
                throw UploadException.storage(e);
            }
            deleteOnRollback(store, key);
            return attachments.save(new Attachment(orgUnitId, name, type.mediaType(), size,
                    HexFormat.of().formatHex(sha.digest()), key, uploadedBy, clock.instant()));
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // On a disk gone read-only the part cannot go now; the start-up sweep removes it.
            }
        }
    }

    @Transactional(readOnly = true)
    public Attachment get(long id) {
        return attachments.findById(id).orElseThrow(() -> new NotFoundException("Attachment", id));
    }

    /** The file as a download response. The caller has checked that the user may see the owner. */
    public ResponseEntity<Resource> download(Attachment attachment, boolean inline) {
        Resource body;
        try {
            body = store.resource(attachment.getStorageKey())
                    .orElseThrow(() -> new NotFoundException("AttachmentFile", attachment.getId()));
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(attachment.getFileName(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(attachment.getContentType()))
                .contentLength(attachment.getSizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Content-SHA256", attachment.getSha256())
                .body(body);
    }

    /** Longest side of a thumbnail, in pixels: enough for a list at twice the density of a phone screen. */
    static final int THUMBNAIL_SIZE = 320;

    /**
     * A small JPEG of an image attachment, for lists and record pages that would otherwise load every
     * full photo. Made on request and not stored (the evidence directory holds evidence only, which
     * the attachment check counts); the file is content-hashed, so the browser may keep it. The image
     * is read subsampled, so a photo of many megapixels never sits in memory whole.
     */
    public ResponseEntity<byte[]> thumbnail(Attachment attachment) {
        if (!attachment.isImage()) {
            throw new NotFoundException("Thumbnail", attachment.getId());
        }
        InputStream stored;
        try {
            stored = store.open(attachment.getStorageKey())
                    .orElseThrow(() -> new NotFoundException("AttachmentFile", attachment.getId()));
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
        try (stored; javax.imageio.stream.ImageInputStream in = javax.imageio.ImageIO.createImageInputStream(stored)) {
            java.util.Iterator<javax.imageio.ImageReader> readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new NotFoundException("Thumbnail", attachment.getId());
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int longest = Math.max(reader.getWidth(0), reader.getHeight(0));
                javax.imageio.ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, longest / (THUMBNAIL_SIZE * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                java.awt.image.BufferedImage read = reader.read(0, param);
                double scale = Math.min(1.0, (double) THUMBNAIL_SIZE / Math.max(read.getWidth(), read.getHeight()));
                int w = Math.max(1, (int) Math.round(read.getWidth() * scale));
                int h = Math.max(1, (int) Math.round(read.getHeight() * scale));
                java.awt.image.BufferedImage small = new java.awt.image.BufferedImage(w, h, java.awt.image.BufferedImage.TYPE_INT_RGB);
                java.awt.Graphics2D g = small.createGraphics();
                try {
                    g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                    g.setColor(java.awt.Color.WHITE); // a transparent PNG on white, as JPEG has no alpha
                    g.fillRect(0, 0, w, h);
                    g.drawImage(read, 0, 0, w, h, null);
                } finally {
                    g.dispose();
                }
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                javax.imageio.ImageIO.write(small, "jpeg", out);
                return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG)
                        .header(HttpHeaders.CACHE_CONTROL, "private, max-age=604800")
                        .header("X-Content-Type-Options", "nosniff")
                        .body(out.toByteArray());
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
    }

    /** Copies the upload to the temporary file; a read failure is the source's, a write failure the storage's. */
    private long copyLimited(InputStream content, Path temp, MessageDigest sha) throws IOException {
        long max = settings.maxBytes();
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        OutputStream out;
        try {
            out = new DigestOutputStream(Files.newOutputStream(temp), sha);
        } catch (IOException e) {
            throw UploadException.storage(e);
        }
        try {
            int n;
            while ((n = content.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new UploadException(HttpStatus.PAYLOAD_TOO_LARGE, "evidence.tooLarge",
                            settings.evidence().maxSize().toMegabytes());
                }
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    throw UploadException.storage(e);
                }
            }
        } finally {
            try {
                out.close();
            } catch (IOException e) {
                // Flushing the last block failed: the disk filled up at the very end.
                throw UploadException.storage(e);
            }
        }
        if (total == 0) {
            throw new UploadException(HttpStatus.BAD_REQUEST, "evidence.empty");
        }
        return total;
    }

    private static void deleteOnRollback(EvidenceStore store, String key) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        try {
                            store.delete(key);
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
