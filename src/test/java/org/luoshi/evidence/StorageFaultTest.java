package org.luoshi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.luoshi.web.UploadException;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/**
 * Issue 15, M6: an attachment store that cannot write says so in words about the storage (503,
 * error.storage), not "文件读取失败", and leaves neither a row nor a partial file; a crash's
 * leftovers go at the next start.
 */
class StorageFaultTest {

    @TempDir
    Path dir;

    private final AttachmentRepository repository = mock(AttachmentRepository.class);

    private AttachmentService service(Path dataDir) {
        EvidenceSettings settings = new EvidenceSettings(dataDir,
                new EvidenceSettings.Evidence(DataSize.ofMegabytes(20), "directory", null, null));
        return new AttachmentService(repository, settings, new DirectoryStore(settings.root()),
                new ContentCheck(200L * 1024 * 1024), Clock.systemUTC());
    }

    private void storageFault(AttachmentService service) {
        assertThatThrownBy(() -> service.store(1L, "officer", new MockMultipartFile("file", "签到表.png", "image/png", HostileFiles.png())))
                .isInstanceOf(UploadException.class)
                .satisfies(e -> {
                    assertThat(((UploadException) e).messageKey()).isEqualTo(UploadException.STORAGE);
                    assertThat(((UploadException) e).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                });
        verify(repository, never()).save(any());
    }

    /** Works as root too: no permission bit stops creating a directory below a regular file. */
    @Test
    void aDataDirectoryThatCannotHoldDirectoriesIsAStorageFault() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("data"), "a file where the data directory should be");
        storageFault(service(notADirectory));
        assertThat(Files.readString(notADirectory)).startsWith("a file");
    }

    /**
     * A read-only attachment directory. Root writes through mode 555, so there the case cannot be
     * made with permissions and is skipped; the case above covers the same path as root.
     */
    @Test
    void aReadOnlyAttachmentDirectoryIsAStorageFaultAndLeavesNoPartialFile() throws IOException {
        Path root = dir.resolve("data");
        Path attachments = Files.createDirectories(root.resolve("attachments"));
        Files.setPosixFilePermissions(attachments, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            assumeThat(Files.isWritable(attachments))
                    .as("running as root (or with CAP_DAC_OVERRIDE): mode 555 does not stop writes, so this case is skipped; "
                            + "aDataDirectoryThatCannotHoldDirectoriesIsAStorageFault covers the storage fault")
                    .isFalse();
            storageFault(service(root));
            try (Stream<Path> files = Files.walk(attachments)) {
                assertThat(files.filter(Files::isRegularFile)).isEmpty();
            }
        } finally {
            Files.setPosixFilePermissions(attachments, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aRefusedFileLeavesNoPartialFile() throws IOException {
        Path root = dir.resolve("data");
        AttachmentService service = service(root);
        assertThatThrownBy(() -> service.store(1L, "officer", new MockMultipartFile("file", "照片.png", "image/png",
                HostileFiles.truncatedPng()))).isInstanceOf(UploadException.class);
        try (Stream<Path> files = Files.walk(root)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
        verify(repository, never()).save(any());
    }

    @Test
    void theStartUpSweepRemovesStaleTemporaryFilesOfLuoshiOnly() throws IOException {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path attachments = Files.createDirectories(dir.resolve("attachments/2026/03"));
        Instant now = Instant.now();
        FileTime old = FileTime.from(now.minus(Duration.ofHours(3)));
        Path staleConversion = Files.createDirectories(tmp.resolve("luoshi-pdf-123"));
        Files.writeString(staleConversion.resolve("report.docx"), "x");
        Files.setLastModifiedTime(staleConversion, old);
        Path staleImport = Files.writeString(tmp.resolve("luoshi-checklist-9.xlsx"), "x");
        Files.setLastModifiedTime(staleImport, old);
        Path runningConversion = Files.createDirectories(tmp.resolve("luoshi-pdf-456"));
        Path someoneElses = Files.writeString(tmp.resolve("other-app.tmp"), "x");
        Files.setLastModifiedTime(someoneElses, old);
        Path stalePart = Files.writeString(attachments.resolve("upload-1.part"), "half");
        Files.setLastModifiedTime(stalePart, old);
        Path stored = Files.writeString(attachments.resolve("0b7f5c1e-stored"), "kept");
        Files.setLastModifiedTime(stored, old);

        assertThat(TempFiles.sweep(tmp, dir.resolve("attachments"), now.minus(TempFiles.STALE))).isEqualTo(3);

        assertThat(staleConversion).doesNotExist();
        assertThat(staleImport).doesNotExist();
        assertThat(stalePart).doesNotExist();
        assertThat(runningConversion).exists();
        assertThat(someoneElses).exists();
        assertThat(stored).exists();
    }
}
