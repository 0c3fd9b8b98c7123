package org.luoshi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;

/**
 * Where the bytes of evidence files live, by storage key ({@code 2026/03/<uuid>}): a directory (local, or one
 * that several instances share) or an S3-compatible bucket. Everything that reads or writes those bytes —
 * uploads, downloads, thumbnails, backup, restore and the attachment check — goes through this, so every
 * instance of a deployment sees the same files. A failure of the storage itself is an {@link IOException}.
 */
public interface EvidenceStore {

    /** One stored object; {@code modified} tells a recent half-written upload from a stray file. */
    record StoredObject(String key, long size, Instant modified) {
    }

    /**
     * A local file to write an upload into before it is checked: beside its place for a directory (so that
     * {@link #put} is an atomic move on the same disk), in java.io.tmpdir for a bucket.
     */
    Path newTempFile(String key) throws IOException;

    /** Makes a checked temporary file from {@link #newTempFile} the object under {@code key}. */
    void put(String key, Path temp) throws IOException;

    /** Writes an object from a stream (a restore). */
    void write(String key, InputStream content) throws IOException;

    /** The object's bytes, or empty if there is no such object. The caller closes the stream. */
    Optional<InputStream> open(String key) throws IOException;

    /** The object as a response body (a directory's file keeps range requests), or empty if there is none. */
    Optional<Resource> resource(String key) throws IOException;

    void delete(String key) throws IOException;

    /** Every stored object, upload temporaries included (a directory's {@code upload-*.part}). */
    void forEach(Consumer<StoredObject> action) throws IOException;

    /** True when the store holds no object at all (a restore writes only into an empty store). */
    boolean isEmpty() throws IOException;

    /** Where it is, for messages: a directory's path or {@code s3://bucket/prefix}. */
    String describe();

    /** A store on a directory (created on the first write). */
    static EvidenceStore directory(Path root) {
        return new DirectoryStore(root);
    }

    /**
     * The store that the settings of {@code environment} name, for the restore command, which runs without the
     * application. Close it (an S3 store holds a client) when done.
     */
    static EvidenceStore of(Environment environment) {
        EvidenceSettings settings = Binder.get(environment).bindOrCreate("luoshi", EvidenceSettings.class);
        return EvidenceStoreConfig.create(settings);
    }
}
