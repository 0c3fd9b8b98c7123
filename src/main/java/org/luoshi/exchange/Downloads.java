package org.luoshi.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;

/** Writes an .xlsx straight into the response, so large exports never sit in memory. */
final class Downloads {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private Downloads() {
    }

    static void xlsx(HttpServletResponse response, String fileName, LocalDate today, Writer writer) throws IOException {
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(fileName.replace(".xlsx", "-" + today + ".xlsx"), java.nio.charset.StandardCharsets.UTF_8)
                .build().toString());
        OutputStream out = response.getOutputStream();
        writer.write(out);
        out.flush();
    }
}
