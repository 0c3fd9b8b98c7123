package org.luoshi.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.Tika;
import org.luoshi.web.UploadException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Decides what an uploaded file really is, from its content, and refuses what Luoshi should not
 * keep: unknown types, a name that claims another type, encrypted files (their content cannot be
 * verified), PDFs that carry scripts or automatic actions, office files with macros, truncated
 * images, zip bombs and XML with a DOCTYPE. Every upload path (evidence, report templates, Excel
 * imports) goes through this one check, so a hole is closed once for all of them.
 *
 * <p>Tika (core only, no parsers) names the container by its magic bytes; the container is then
 * opened and its real type read from inside: the main part of an OOXML package, the streams of an
 * OLE file, the structure of an image. Refusals are {@link UploadException}s whose message key the
 * form shows beside its file field and the API as a problem's {@code detail}.
 */
@Component
public class ContentCheck {

    private static final String OOXML_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String OOXML_SHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final Pattern OVERRIDE = Pattern.compile("<(?:\\w+:)?Override\\b([^>]*)>");
    private static final Pattern PART_NAME = Pattern.compile("PartName\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern CONTENT_TYPE = Pattern.compile("ContentType\\s*=\\s*[\"']([^\"']*)[\"']");
    /** An image is decoded at most at about this many pixels: enough to find a truncation, little memory. */
    private static final long DECODE_PIXELS = 4_000_000;

    private final Tika tika = new Tika();
    private final long maxUnpacked;

    public ContentCheck(@Value("${luoshi.exchange.max-uncompressed-bytes:209715200}") long maxUnpacked) {
        this.maxUnpacked = maxUnpacked;
    }

    /**
     * The type of the file, which must be one of {@code accepted} and fit the extension of
     * {@code fileName} (not checked when the name is null); otherwise an {@link UploadException}.
     */
    public FileType check(Path file, String fileName, Set<FileType> accepted) throws IOException {
        FileType type = detect(file);
        if (!accepted.contains(type)) {
            throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
        }
        if (fileName != null) {
            String extension = fileName.contains(".")
                    ? fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            if (!type.nameFits(extension)) {
                throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeMismatch", extension);
            }
        }
        return type;
    }

    /** The same check for content held in memory (a report template); the bytes go to a temporary file first. */
    public FileType check(byte[] content, String fileName, Set<FileType> accepted) {
        Path temp = null;
        try {
            try {
                temp = Files.createTempFile(TempFiles.PREFIX + "check-", ".tmp");
                Files.write(temp, content);
            } catch (IOException e) {
                throw UploadException.storage(e);
            }
            return check(temp, fileName, accepted);
        } catch (IOException e) {
            throw refused(HttpStatus.BAD_REQUEST, "evidence.damaged");
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // The start-up sweep removes what is left in the temporary directory.
                }
            }
        }
    }

    /**
     * A file name that shows what it is: no path, no control, bidirectional or zero-width characters
     * (an RTL override makes "gpj.exe.png" read as "gnp.exe.jpg"), no quotes; Chinese stays as typed.
     */
    public static String safeName(String fileName) {
        String name = fileName == null ? "" : Normalizer.normalize(fileName, Normalizer.Form.NFC).replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                // Cc: C0 and C1 controls; Cf: format characters, which hold every bidi control (U+200E/F,
                // U+202A–202E, U+2066–2069, U+061C) and the zero-width ones (U+200B–200D, U+2060, U+FEFF);
                // Zl/Zp: line breaks; Cs: a lone surrogate half; Co: private use, unreadable anywhere else.
                .replaceAll("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Co}\"]", "")
                .strip();
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            throw refused(HttpStatus.BAD_REQUEST, "evidence.noName");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    // ---- what the content is ----

    FileType detect(Path file) throws IOException {
        if (Files.size(file) == 0) {
            throw refused(HttpStatus.BAD_REQUEST, "evidence.empty");
        }
        String sniffed;
        try (InputStream in = Files.newInputStream(file)) {
            // No name: a name would let Tika take "anything zipped named .docx" for a Word document.
            sniffed = tika.detect(in);
        }
        return switch (sniffed) {
            case "image/jpeg" -> image(file, FileType.JPEG);
            case "image/png" -> image(file, FileType.PNG);
            case "application/pdf" -> pdf(file);
            case "application/zip", "application/x-tika-ooxml" -> ooxml(file);
            case "application/x-tika-msoffice" -> ole(file);
            default -> throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
        };
    }

    // ---- images: complete, and readable by the JDK ----

    private FileType image(Path file, FileType type) throws IOException {
        byte[] data = Files.readAllBytes(file);
        boolean complete = type == FileType.PNG ? pngComplete(data) : jpegComplete(data);
        if (!complete || !decodes(file)) {
            throw refused(HttpStatus.BAD_REQUEST, "evidence.damagedImage");
        }
        return type;
    }

    /** Walks the chunks from the signature to IEND; a file cut short ends inside a chunk or before IEND. */
    static boolean pngComplete(byte[] data) {
        int pos = 8;
        while (pos + 8 <= data.length) {
            long length = ((data[pos] & 0xFFL) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
                    | (data[pos + 3] & 0xFF);
            String chunk = new String(data, pos + 4, 4, StandardCharsets.ISO_8859_1);
            long end = pos + 12 + length;
            if (end > data.length) {
                return false;
            }
            if (chunk.equals("IEND")) {
                return true;
            }
            pos = (int) end;
        }
        return false;
    }

    /**
     * Walks the markers from SOI to EOI: segments by their length, entropy-coded data up to the next
     * marker (0xFF followed by neither 0x00 nor a restart marker). A file cut short never reaches EOI;
     * data a phone appends after EOI (motion photos) is allowed.
     */
    static boolean jpegComplete(byte[] data) {
        if (data.length < 4 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != 0xD8) {
            return false;
        }
        int pos = 2;
        while (pos + 1 < data.length) {
            if ((data[pos] & 0xFF) != 0xFF) {
                return false;
            }
            int marker = data[pos + 1] & 0xFF;
            if (marker == 0xFF) {
                pos++;
                continue;
            }
            if (marker == 0xD9) {
                return true;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                pos += 2;
                continue;
            }
            if (pos + 3 >= data.length) {
                return false;
            }
            int length = ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
            pos += 2 + length;
            if (marker == 0xDA) {
                // Scan data: runs to the next real marker.
                while (pos + 1 < data.length) {
                    if ((data[pos] & 0xFF) == 0xFF) {
                        int next = data[pos + 1] & 0xFF;
                        if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                            break;
                        }
                    }
                    pos++;
                }
            }
        }
        return false;
    }

    /** Decodes the image, subsampled to a few megapixels; any error or warning (a truncation) means unreadable. */
    private static boolean decodes(Path file) {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return false;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                boolean[] warned = {false};
                reader.addIIOReadWarningListener((source, warning) -> warned[0] = true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / DECODE_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
                return !warned[0];
            } finally {
                reader.dispose();
            }
        } catch (javax.imageio.IIOException e) {
            // The JDK cannot decode CMYK or YCCK JPEGs; such a scan is still a whole, valid picture.
            return e.getMessage() != null && e.getMessage().contains("Unsupported Image Type");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ---- PDF: whole, not encrypted, no scripts or automatic actions ----

    private FileType pdf(Path file) throws IOException {
        byte[] data = Files.readAllBytes(file);
        String tail = new String(data, Math.max(0, data.length - 2048), Math.min(2048, data.length), StandardCharsets.ISO_8859_1);
        if (!tail.contains("%%EOF")) {
            throw refused(HttpStatus.BAD_REQUEST, "evidence.damaged");
        }
        Set<String> names = new HashSet<>();
        Map<String, Long> numbers = integerObjects(data);
        long[] unpacked = {0};
        int pos = 0;
        while (pos < data.length) {
            Stream stream = nextStream(data, numbers, pos);
            if (stream == null) {
                scanNames(data, pos, data.length, names);
                break;
            }
            scanNames(data, pos, stream.dataStart(), names);
            if (stream.objectStream()) {
                // Object streams (PDF 1.5) pack dictionaries, an /OpenAction among them, inside Flate data.
                byte[] inflated = inflate(data, stream.dataStart(), stream.dataEnd() - stream.dataStart(), unpacked);
                scanNames(inflated, 0, inflated.length, names);
            }
            pos = stream.dataEnd();
        }
        if (names.contains("Encrypt")) {
            throw refused(HttpStatus.BAD_REQUEST, "evidence.encrypted");
        }
        // /JS and /JavaScript anywhere (an /OpenAction or /AA running a script among them), an automatic
        // action of any kind (/AA), or a program to start (/Launch).
        if (names.contains("JavaScript") || names.contains("JS") || names.contains("AA") || names.contains("Launch")) {
            throw refused(HttpStatus.BAD_REQUEST, "evidence.activeContent");
        }
        return FileType.PDF;
    }

    /** Where a stream's data lies, and whether it is an object stream. */
    private record Stream(int dataStart, int dataEnd, boolean objectStream) {
    }

    private static final Pattern STREAM_DICT = Pattern.compile(
            "(\\d+)\\s+(\\d+)\\s+obj\\s*(<<.*>>)\\s*stream\\r?\\n$", Pattern.DOTALL);
    private static final Pattern LENGTH = Pattern.compile("/Length\\s+(\\d+)(\\s+(\\d+)\\s+R)?");

    /**
     * The next stream after {@code from} whose data can be skipped safely: its dictionary directly
     * precedes the keyword and its /Length (direct, or an indirect number) ends exactly at
     * "endstream". Binary data (photos in a scan) is then not read for names, where random bytes
     * would spell "/JS" now and then. A stream whose length does not add up is not skipped: its
     * bytes are read as if they were objects, so that a fake "stream" cannot hide a dictionary.
     */
    private static Stream nextStream(byte[] data, Map<String, Long> numbers, int from) {
        byte[] keyword = "stream".getBytes(StandardCharsets.ISO_8859_1);
        int at = from;
        while ((at = indexOf(data, keyword, at)) >= 0) {
            int start = at + keyword.length;
            if (start < data.length && data[start] == '\r') {
                start++;
            }
            if (start < data.length && data[start] == '\n') {
                start++;
            }
            int objAt = lastIndexOf(data, " obj".getBytes(StandardCharsets.ISO_8859_1), at, at - 64 * 1024);
            int lineStart = objAt;
            while (lineStart > 0 && data[lineStart - 1] != '\n' && data[lineStart - 1] != '\r' && objAt - lineStart < 40) {
                lineStart--;
            }
            at = start;
            if (objAt < 0 || start - lineStart > 64 * 1024) {
                continue;
            }
            String head = new String(data, lineStart, start - lineStart, StandardCharsets.ISO_8859_1);
            Matcher dict = STREAM_DICT.matcher(head);
            if (!dict.find()) {
                continue;
            }
            Matcher length = LENGTH.matcher(dict.group(3));
            if (!length.find()) {
                continue;
            }
            long size = length.group(2) == null ? Long.parseLong(length.group(1))
                    : numbers.getOrDefault(length.group(1) + " " + length.group(3), -1L);
            if (size < 0 || start + size > data.length) {
                continue;
            }
            int end = (int) (start + size);
            String after = new String(data, end, (int) Math.min(12, data.length - end), StandardCharsets.ISO_8859_1);
            if (!after.stripLeading().startsWith("endstream")) {
                continue;
            }
            Set<String> dictNames = new HashSet<>();
            byte[] dictBytes = dict.group(3).getBytes(StandardCharsets.ISO_8859_1);
            scanNames(dictBytes, 0, dictBytes.length, dictNames);
            return new Stream(start, end, dictNames.contains("ObjStm"));
        }
        return null;
    }

    private static final Pattern INTEGER_OBJECT = Pattern.compile("(?<![0-9])(\\d+)\\s+(\\d+)\\s+obj\\s*(\\d{1,12})\\s*endobj");

    /** The objects that are a bare integer ("12 0 obj 3456 endobj"), where writers put stream lengths; one pass. */
    private static Map<String, Long> integerObjects(byte[] data) {
        Map<String, Long> numbers = new HashMap<>();
        Matcher m = INTEGER_OBJECT.matcher(new String(data, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            numbers.put(m.group(1) + " " + m.group(2), Long.parseLong(m.group(3)));
        }
        return numbers;
    }

    private byte[] inflate(byte[] data, int offset, int length, long[] unpacked) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data, offset, length);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                unpacked[0] += n;
                if (unpacked[0] > maxUnpacked) {
                    throw refused(HttpStatus.BAD_REQUEST, "evidence.unpackedTooLarge", maxUnpacked / (1024 * 1024));
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            // An object stream we cannot read could hide anything; refuse rather than guess.
            throw refused(HttpStatus.BAD_REQUEST, "evidence.damaged");
        } finally {
            inflater.end();
        }
    }

    /** Adds the names used between {@code from} and {@code to}, decoded ("/J#53" is "/JS"), so a spelling trick hides nothing. */
    private static void scanNames(byte[] data, int from, int to, Set<String> found) {
        int i = from;
        while (i < to) {
            if (data[i] != '/') {
                i++;
                continue;
            }
            StringBuilder name = new StringBuilder();
            int j = i + 1;
            while (j < to && !pdfDelimiter(data[j])) {
                if (data[j] == '#' && j + 2 < to && hex(data[j + 1]) >= 0 && hex(data[j + 2]) >= 0) {
                    name.append((char) (hex(data[j + 1]) * 16 + hex(data[j + 2])));
                    j += 3;
                } else {
                    name.append((char) (data[j] & 0xFF));
                    j++;
                }
            }
            found.add(name.toString());
            i = j;
        }
    }

    private static boolean pdfDelimiter(byte b) {
        return b <= ' ' || b == '/' || b == '(' || b == ')' || b == '<' || b == '>' || b == '[' || b == ']'
                || b == '{' || b == '}' || b == '%';
    }

    private static int hex(byte b) {
        return Character.digit((char) b, 16);
    }

    private static int indexOf(byte[] data, byte[] what, int from) {
        outer:
        for (int i = Math.max(0, from); i <= data.length - what.length; i++) {
            for (int k = 0; k < what.length; k++) {
                if (data[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static int lastIndexOf(byte[] data, byte[] what, int before, int notBefore) {
        outer:
        for (int i = Math.min(before - what.length, data.length - what.length); i >= Math.max(0, notBefore); i--) {
            for (int k = 0; k < what.length; k++) {
                if (data[i + k] != what[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    // ---- OOXML: a zip whose main part says what it is ----

    /**
     * Unpacks every entry and counts the real (not declared) bytes, so a zip bomb is refused with
     * bounded memory and time; any XML part with a DOCTYPE is refused (XXE). The type comes from
     * [Content_Types].xml, and its main part must be in the package.
     */
    private FileType ooxml(Path file) throws IOException {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        Map<String, Boolean> entries = new HashMap<>();
        String contentTypes = null;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry entry = all.nextElement();
                String name = entry.getName();
                entries.put(name.toLowerCase(Locale.ROOT), Boolean.TRUE);
                boolean xml = name.endsWith(".xml") || name.endsWith(".rels");
                boolean types = name.equals("[Content_Types].xml");
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        total += n;
                        if (total > maxUnpacked) {
                            throw refused(HttpStatus.BAD_REQUEST, "evidence.unpackedTooLarge", maxUnpacked / (1024 * 1024));
                        }
                        int keep = types ? n : xml ? Math.min(n, 2048 - kept.size()) : 0;
                        if (keep > 0 && kept.size() < (types ? 4 * 1024 * 1024 : 2048)) {
                            kept.write(buffer, 0, keep);
                        }
                    }
                }
                String start = kept.toString(StandardCharsets.UTF_8);
                if (xml && start.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
                    throw refused(HttpStatus.BAD_REQUEST, "evidence.doctype");
                }
                if (types) {
                    contentTypes = start;
                }
            }
        } catch (ZipException e) {
            throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
        }
        if (contentTypes == null) {
            // A zip, but not an office document.
            throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
        }
        if (contentTypes.contains("macroEnabled") || entries.keySet().stream().anyMatch(n -> n.endsWith("vbaproject.bin"))) {
            throw refused(HttpStatus.BAD_REQUEST, "evidence.macros");
        }
        FileType type = null;
        Matcher override = OVERRIDE.matcher(contentTypes);
        while (override.find()) {
            Matcher part = PART_NAME.matcher(override.group(1));
            Matcher contentType = CONTENT_TYPE.matcher(override.group(1));
            if (!part.find() || !contentType.find()) {
                continue;
            }
            FileType declared = switch (contentType.group(1).trim()) {
                case OOXML_WORD -> FileType.DOCX;
                case OOXML_SHEET -> FileType.XLSX;
                default -> null;
            };
            String partName = part.group(1).startsWith("/") ? part.group(1).substring(1) : part.group(1);
            if (declared != null && entries.containsKey(partName.toLowerCase(Locale.ROOT))) {
                if (type != null && type != declared) {
                    throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
                }
                type = declared;
            }
        }
        if (type == null) {
            throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
        }
        return type;
    }

    // ---- OLE: old Word and Excel, never an encrypted package ----

    /**
     * An OLE compound file is an old .doc or .xls, or the envelope of an encrypted OOXML file
     * (EncryptionInfo and EncryptedPackage streams). Only the directory and a few header bytes are read.
     */
    private static FileType ole(Path file) {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            DirectoryNode root = fs.getRoot();
            if (root.hasEntry("EncryptionInfo") || root.hasEntry("EncryptedPackage") || root.hasEntry("\u0006DataSpaces")) {
                throw refused(HttpStatus.BAD_REQUEST, "evidence.encrypted");
            }
            if (root.hasEntry("Macros") || root.hasEntry("_VBA_PROJECT_CUR")) {
                throw refused(HttpStatus.BAD_REQUEST, "evidence.macros");
            }
            if (root.hasEntry("WordDocument")) {
                try (DocumentInputStream in = root.createDocumentInputStream("WordDocument")) {
                    in.skipNBytes(10);
                    // FIB base, flags word: fEncrypted (0x0100) or fObfuscated (0x8000).
                    if ((in.readUShort() & 0x8100) != 0) {
                        throw refused(HttpStatus.BAD_REQUEST, "evidence.encrypted");
                    }
                }
                return FileType.DOC;
            }
            for (String stream : new String[] {"Workbook", "WORKBOOK", "Book", "BOOK"}) {
                if (root.hasEntry(stream)) {
                    if (xlsEncrypted(root, stream)) {
                        throw refused(HttpStatus.BAD_REQUEST, "evidence.encrypted");
                    }
                    return FileType.XLS;
                }
            }
            throw refused(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "evidence.typeNotAccepted");
        } catch (IOException | RuntimeException e) {
            if (e instanceof UploadException refusal) {
                throw refusal;
            }
            throw refused(HttpStatus.BAD_REQUEST, "evidence.damaged");
        }
    }

    /** A FILEPASS record (0x002F) in the workbook globals, before their EOF, means a password. */
    private static boolean xlsEncrypted(DirectoryNode root, String stream) throws IOException {
        try (DocumentInputStream in = root.createDocumentInputStream(stream)) {
            while (in.available() >= 4) {
                int type = in.readUShort();
                int length = in.readUShort();
                if (type == 0x002F) {
                    return true;
                }
                if (type == 0x000A) {
                    return false;
                }
                in.skipNBytes(Math.min(length, in.available()));
            }
            return false;
        }
    }

    private static UploadException refused(HttpStatus status, String key, Object... args) {
        return new UploadException(status, key, args);
    }
}
