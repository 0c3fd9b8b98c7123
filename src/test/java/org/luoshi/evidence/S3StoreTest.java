package org.luoshi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.luoshi.web.NotFoundException;
import org.luoshi.web.UploadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.unit.DataSize;

/**
 * Evidence in S3-compatible object storage, against a real S3 server started for the test ({@link S3Server}):
 * the upload path with its content check, download and thumbnail from the bucket, the listing the backup and the
 * attachment check read, and the storage message when the bucket cannot take the file.
 */
class S3StoreTest {

    private static S3Server server;

    private final AttachmentRepository repository = mock(AttachmentRepository.class);

    @BeforeAll
    static void startServer() throws Exception {
        server = S3Server.start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static String prefix() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    }

    private AttachmentService service(S3Store store) {
        EvidenceSettings settings = new EvidenceSettings(Path.of("target/unused-data-dir"),
                new EvidenceSettings.Evidence(DataSize.ofMegabytes(20), "s3", null, server.settings("unused")));
        when(repository.save(any())).thenAnswer(call -> call.getArgument(0));
        return new AttachmentService(repository, settings, store, new ContentCheck(200L * 1024 * 1024), Clock.systemUTC());
    }

    private static List<EvidenceStore.StoredObject> listing(EvidenceStore store) throws IOException {
        List<EvidenceStore.StoredObject> all = new ArrayList<>();
        store.forEach(all::add);
        return all;
    }

    @Test
    void anUploadGoesToTheBucketAndComesBackByteForByteWithItsThumbnail() throws Exception {
        try (S3Store store = new S3Store(server.settings(prefix()))) {
            assertThat(store.isEmpty()).isTrue();
            AttachmentService service = service(store);
            byte[] photo = HostileFiles.png();
            Attachment a = service.store(1L, "officer", new MockMultipartFile("file", "会场.png", "image/png", photo));
            assertThat(a.getContentType()).isEqualTo("image/png");
            assertThat(a.getSizeBytes()).isEqualTo(photo.length);

            assertThat(listing(store)).singleElement().satisfies(o -> {
                assertThat(o.key()).isEqualTo(a.getStorageKey());
                assertThat(o.size()).isEqualTo(photo.length);
            });
            assertThat(store.isEmpty()).isFalse();

            ResponseEntity<org.springframework.core.io.Resource> download = service.download(a, false);
            try (InputStream in = download.getBody().getInputStream()) {
                assertThat(in.readAllBytes()).isEqualTo(photo);
            }
            ResponseEntity<byte[]> thumbnail = service.thumbnail(a);
            assertThat(thumbnail.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_JPEG);
            assertThat(thumbnail.getBody()).startsWith((byte) 0xFF, (byte) 0xD8);

            // Gone from the bucket: not found, not a storage fault.
            store.delete(a.getStorageKey());
            assertThat(store.open(a.getStorageKey())).isEmpty();
            assertThatThrownBy(() -> service.download(a, false)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> service.thumbnail(a)).isInstanceOf(NotFoundException.class);
            assertThat(store.isEmpty()).isTrue();
        }
    }

    @Test
    void aRefusedFileLeavesNoObjectAndNoLocalTemporary() throws Exception {
        try (S3Store store = new S3Store(server.settings(prefix()))) {
            AttachmentService service = service(store);
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            List<Path> before = uploadTemporaries(tmp);
            assertThatThrownBy(() -> service.store(1L, "officer", new MockMultipartFile("file", "照片.png", "image/png",
                    HostileFiles.truncatedPng()))).isInstanceOf(UploadException.class);
            assertThat(store.isEmpty()).isTrue();
            assertThat(uploadTemporaries(tmp)).isEqualTo(before);
            verify(repository, never()).save(any());
        }
    }

    @Test
    void aBucketThatCannotTakeTheFileIsAStorageFault() throws Exception {
        EvidenceSettings.S3 missing = new EvidenceSettings.S3(server.endpoint, "us-east-1", "no-such-bucket-" + UUID.randomUUID(),
                null, "test-access-key", "test-secret-key");
        try (S3Store store = new S3Store(missing)) {
            AttachmentService service = service(store);
            assertThatThrownBy(() -> service.store(1L, "officer", new MockMultipartFile("file", "签到表.png", "image/png",
                    HostileFiles.png())))
                    .isInstanceOf(UploadException.class)
                    .satisfies(e -> {
                        assertThat(((UploadException) e).messageKey()).isEqualTo(UploadException.STORAGE);
                        assertThat(((UploadException) e).status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    });
            verify(repository, never()).save(any());
        }
    }

    @Test
    void deploymentsSharingABucketSeeOnlyTheirPrefix() throws Exception {
        try (S3Store one = new S3Store(server.settings(prefix())); S3Store other = new S3Store(server.settings(prefix()))) {
            one.write("2026/03/a", new ByteArrayInputStream(new byte[] {1, 2, 3}));
            one.write("2026/04/b", new ByteArrayInputStream(new byte[] {4}));
            assertThat(listing(one)).extracting(EvidenceStore.StoredObject::key).containsExactlyInAnyOrder("2026/03/a", "2026/04/b");
            assertThat(other.isEmpty()).isTrue();
            try (InputStream in = one.open("2026/03/a").orElseThrow()) {
                assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
            }
            assertThat(other.open("2026/03/a")).isEmpty();
        }
    }

    @Test
    void theStoreIsChosenByTheSettings() throws Exception {
        EvidenceSettings s3 = new EvidenceSettings(Path.of("data"),
                new EvidenceSettings.Evidence(DataSize.ofMegabytes(20), "s3", null, server.settings(prefix())));
        try (S3Store store = (S3Store) EvidenceStoreConfig.create(s3)) {
            assertThat(store.describe()).startsWith("s3://" + S3Server.BUCKET + "/t-");
        }
        EvidenceSettings noBucket = new EvidenceSettings(Path.of("data"),
                new EvidenceSettings.Evidence(DataSize.ofMegabytes(20), "s3", null, null));
        assertThatThrownBy(() -> EvidenceStoreConfig.create(noBucket)).hasMessageContaining("luoshi.evidence.s3.bucket");
        EvidenceSettings directory = new EvidenceSettings(Path.of("data"),
                new EvidenceSettings.Evidence(DataSize.ofMegabytes(20), null, null, null));
        assertThat(EvidenceStoreConfig.create(directory).describe()).isEqualTo(Path.of("data", "attachments").toString());
    }

    private static List<Path> uploadTemporaries(Path tmp) throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("luoshi-upload-")).sorted().toList();
        }
    }
}
