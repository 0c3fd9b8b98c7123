package org.luoshi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Evidence in an S3-compatible bucket (MinIO, Ceph, a cloud's object storage), addressed path-style. The
 * bucket must exist. Uploads are checked in a local temporary file first (as for a directory) and sent whole;
 * an object is never changed after it is written. The SDK's failures become {@link IOException}s, which the
 * upload turns into the storage message (503), as for a full disk.
 */
final class S3Store implements EvidenceStore, AutoCloseable {

    private final S3Client client;
    private final String bucket;
    /** Prepended to every key, e.g. {@code luoshi/}: one bucket may hold several deployments. */
    private final String prefix;

    S3Store(EvidenceSettings.S3 s3) {
        if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException("luoshi.evidence.store=s3 needs luoshi.evidence.s3.bucket");
        }
        S3ClientBuilder builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(blankToNull(s3.region()) == null ? "us-east-1" : s3.region()))
                .credentialsProvider(credentials(s3))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                // Checksums only where the API requires them: many S3-compatible servers refuse the newer
                // default trailing checksums.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (blankToNull(s3.endpoint()) != null) {
            builder.endpointOverride(URI.create(s3.endpoint()));
        }
        this.client = builder.build();
        this.bucket = s3.bucket();
        String p = blankToNull(s3.prefix()) == null ? "" : s3.prefix();
        this.prefix = p.isEmpty() || p.endsWith("/") ? p : p + "/";
    }

    private static AwsCredentialsProvider credentials(EvidenceSettings.S3 s3) {
        if (blankToNull(s3.accessKey()) != null && blankToNull(s3.secretKey()) != null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    @Override
    public Path newTempFile(String key) throws IOException {
        // "luoshi-" names it for the start-up sweep of java.io.tmpdir (TempFiles).
        return Files.createTempFile(TempFiles.PREFIX + "upload-", ".part");
    }

    @Override
    public void put(String key, Path temp) throws IOException {
        try {
            client.putObject(b -> b.bucket(bucket).key(prefix + key).contentType("application/octet-stream"),
                    RequestBody.fromFile(temp));
        } catch (SdkException e) {
            throw new IOException("S3 put of " + key + " failed: " + e.getMessage(), e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public void write(String key, InputStream content) throws IOException {
        Path temp = newTempFile(key);
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            put(key, temp);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(client.getObject(b -> b.bucket(bucket).key(prefix + key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (SdkException e) {
            throw new IOException("S3 get of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Resource> resource(String key) throws IOException {
        return open(key).map(InputStreamResource::new);
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new IOException("S3 delete of " + key + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void forEach(Consumer<StoredObject> action) throws IOException {
        try {
            ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
            for (S3Object o : client.listObjectsV2Paginator(request).contents()) {
                action.accept(new StoredObject(o.key().substring(prefix.length()), o.size(), o.lastModified()));
            }
        } catch (SdkException e) {
            throw new IOException("S3 listing of " + describe() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isEmpty() throws IOException {
        try {
            return client.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(1)).contents().isEmpty();
        } catch (SdkException e) {
            throw new IOException("S3 listing of " + describe() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void close() {
        client.close();
    }
}
