package org.luoshi.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.luoshi.TestUsers.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.luoshi.LuoshiTest;
import org.luoshi.org.OrgUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A disk that fills up for real (issue 15, M6): the attachment directory is a 1 MB tmpfs, nearly full, and
 * a photo larger than what is left is uploaded through the API and the page. The answer speaks of the
 * server's storage ("存储空间不足"), not of the file; no partial file is left and no row is written.
 *
 * <p>Mounting needs root (CAP_SYS_ADMIN). Where it is not permitted the test is skipped, saying so, unless
 * {@code LUOSHI_DISK_FULL_TESTS=required} (CI), which makes it fail instead.
 */
@LuoshiTest
@Import(LedgerFixtures.class)
class DiskFullTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    LedgerService ledger;
    @Autowired
    LedgerFixtures fx;
    @Autowired
    JdbcClient jdbc;
    @Value("${luoshi.data-dir}")
    Path dataDir;

    @Test
    void anUploadOntoAFullDiskSaysSoAndLeavesNothing() throws Exception {
        OrgUnit unit = fx.freshVillage("柳溪镇");
        LedgerRecord record = ledger.create(fx.scope("admin"), "MEDIA_PLACEMENT",
                LedgerFixtures.media(unit.getId(), LedgerFixtures.TODAY, "COUNTY", 1));
        Path attachments = Files.createDirectories(dataDir.resolve("attachments")).toAbsolutePath();
        mountTmpfs(attachments);
        try {
            // what is left of the 1 MB: less than the photo
            Files.write(attachments.resolve("filler"), new byte[800 * 1024]);
            byte[] photo = noisePng();
            assertThat(photo.length).isGreaterThan(300 * 1024);
            long rows = rows();

            mvc.perform(multipart("/api/v1/ledger/records/{id}/attachments", record.id())
                            .file(new MockMultipartFile("file", "活动照片.png", null, photo)).with(as(users, "officer")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("存储空间不足")));
            mvc.perform(multipart("/ledger/records/{id}/attachments", record.id())
                            .file(new MockMultipartFile("file", "活动照片.png", "image/png", photo))
                            .with(as(users, "officer")).with(csrf()))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("存储空间不足")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("文件读取失败"))));

            assertThat(rows()).as("no attachment row").isEqualTo(rows);
            try (Stream<Path> files = Files.walk(attachments)) {
                assertThat(files.filter(Files::isRegularFile).map(p -> attachments.relativize(p).toString()).toList())
                        .as("no partial file").containsExactly("filler");
            }
        } finally {
            run("umount", attachments.toString());
        }
    }

    private long rows() {
        return jdbc.sql("select count(*) from attachment").query(Long.class).single();
    }

    private static void mountTmpfs(Path dir) throws Exception {
        boolean required = "required".equals(System.getenv("LUOSHI_DISK_FULL_TESTS"));
        int exit;
        String output;
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            output = new String(p.getInputStream().readAllBytes()).strip();
            exit = p.waitFor();
        } catch (IOException e) {
            exit = -1;
            output = e.getMessage();
        }
        String why = "a 1 MB tmpfs could not be mounted (needs root): " + output;
        if (required) {
            assertThat(exit).as(why + " — LUOSHI_DISK_FULL_TESTS=required").isZero();
        } else {
            Assumptions.assumeTrue(exit == 0, why + "; the full-disk case is skipped (set LUOSHI_DISK_FULL_TESTS=required to fail)");
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    /** A photo that does not compress: random pixels, about 470 KB as PNG. */
    private static byte[] noisePng() throws IOException {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(15);
        for (int y = 0; y < 400; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
