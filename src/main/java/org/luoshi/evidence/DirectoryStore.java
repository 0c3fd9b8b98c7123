package org.luoshi.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Evidence in a directory: the default under the data directory, or one that several instances share (NFS
 * and the like, where an atomic rename within the directory holds as well).
 */
final class DirectoryStore implements EvidenceStore, AutoCloseable {

    private final Path root;

    DirectoryStore(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** The file of a key; a key that would leave the directory (from a hostile archive) is refused. */
    private Path file(String key) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(key).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new IOException("entry outside its directory: " + key);
        }
        return file;
    }

    @Override
    public Path newTempFile(String key) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        return Files.createTempFile(target.getParent(), "upload-", ".part");
    }

    @Override
    public void put(String key, Path temp) throws IOException {
        Files.move(temp, file(key), StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void write(String key, InputStream content) throws IOException {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        Files.copy(content, target);
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        try {
            return Optional.of(Files.newInputStream(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<Resource> resource(String key) throws IOException {
        Path file = file(key);
        return Files.isRegularFile(file) ? Optional.of(new FileSystemResource(file)) : Optional.empty();
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(file(key));
    }

    @Override
    public void forEach(Consumer<StoredObject> action) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile).sorted()::iterator) {
                action.accept(new StoredObject(root.relativize(f).toString().replace('\\', '/'), Files.size(f),
                        Files.getLastModifiedTime(f).toInstant()));
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public boolean isEmpty() throws IOException {
        if (!Files.isDirectory(root)) {
            return true;
        }
        try (Stream<Path> entries = Files.list(root)) {
            return entries.findAny().isEmpty();
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public void close() {
    }
}
