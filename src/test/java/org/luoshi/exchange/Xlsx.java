package org.luoshi.exchange;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/** Real .xlsx files for the tests: written with FastExcel, read back, or with one zip entry rewritten. */
final class Xlsx {

    private Xlsx() {
    }

    static byte[] write(List<String> headers, List<List<Object>> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        for (int c = 0; c < headers.size(); c++) {
            ws.value(0, c, headers.get(c));
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                Object v = rows.get(r).get(c);
                if (v instanceof Number n) {
                    ws.value(r + 1, c, n);
                } else if (v != null) {
                    ws.value(r + 1, c, v.toString());
                }
            }
        }
        wb.finish();
        return out.toByteArray();
    }

    /** The cells of a sheet (the first when name is null) as text, row by row. */
    static List<List<String>> read(byte[] file, String sheetName) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = sheetName == null ? wb.getFirstSheet() : wb.findSheet(sheetName).orElseThrow();
            List<List<String>> rows = new ArrayList<>();
            try (Stream<Row> stream = sheet.openStream()) {
                stream.forEach(row -> {
                    List<String> cells = new ArrayList<>();
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        Object v = cell == null ? null : cell.getValue();
                        cells.add(v == null ? "" : v instanceof BigDecimal b ? b.stripTrailingZeros().toPlainString() : v.toString());
                    }
                    rows.add(cells);
                });
            }
            return rows;
        }
    }

    /** Entries in order with their content; ZipFile, because FastExcel writes stored entries that ZipInputStream refuses. */
    static java.util.LinkedHashMap<String, byte[]> entries(byte[] file) throws IOException {
        java.nio.file.Path tmp = java.nio.file.Files.createTempFile("xlsx", ".zip");
        try {
            java.nio.file.Files.write(tmp, file);
            java.util.LinkedHashMap<String, byte[]> map = new java.util.LinkedHashMap<>();
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(tmp.toFile())) {
                var it = zip.entries();
                while (it.hasMoreElements()) {
                    ZipEntry e = it.nextElement();
                    try (InputStream in = zip.getInputStream(e)) {
                        map.put(e.getName(), in.readAllBytes());
                    }
                }
            }
            return map;
        } finally {
            java.nio.file.Files.deleteIfExists(tmp);
        }
    }

    static String entry(byte[] file, String name) throws IOException {
        byte[] data = entries(file).get(name);
        if (data == null) {
            throw new IllegalArgumentException(name);
        }
        return new String(data, StandardCharsets.UTF_8);
    }

    /** The same zip with one entry's text rewritten. */
    static byte[] rewrite(byte[] file, String name, UnaryOperator<String> change) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries(file).entrySet()) {
                byte[] data = e.getValue();
                if (e.getKey().equals(name)) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(data);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A zip with an extra entry of {@code size} zero bytes: tiny compressed, huge unpacked. */
    static byte[] withBomb(byte[] file, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries(file).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
            z.putNextEntry(new ZipEntry("xl/media/padding.bin"));
            byte[] zeros = new byte[1 << 20];
            for (long written = 0; written < size; written += zeros.length) {
                z.write(zeros);
            }
            z.closeEntry();
        }
        return out.toByteArray();
    }

    static InputStream stream(byte[] data) {
        return new ByteArrayInputStream(data);
    }
}
