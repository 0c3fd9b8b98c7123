package org.luoshi.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.luoshi.org.DataScope;
import org.luoshi.org.OrgUnitService;
import org.luoshi.web.NotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 备份与恢复: the archives on the server, a backup now, a download, and the attachment check. A backup holds
 * every unit's data, so only an administrator of the whole tree may see this page; restoring is done on
 * the command line into an empty instance (README).
 */
@Controller
@PreAuthorize("hasAuthority('system:admin')")
class BackupController {

    private final BackupService backups;
    private final AttachmentCheck check;
    private final OrgUnitService units;

    BackupController(BackupService backups, AttachmentCheck check, OrgUnitService units) {
        this.backups = backups;
        this.check = check;
        this.units = units;
    }

    @GetMapping("/admin/backup")
    String page(DataScope scope, Model model) {
        requireWholeTree(scope);
        model.addAttribute("archives", backups.list());
        return "backup/index";
    }

    @PostMapping("/admin/backup")
    String create(DataScope scope, RedirectAttributes redirect) {
        requireWholeTree(scope);
        Path archive = backups.create();
        redirect.addFlashAttribute("created", archive.getFileName().toString());
        return "redirect:/admin/backup";
    }

    /** The archive as a download (recorded in the audit trail like every file handed out). */
    @GetMapping("/admin/backup/files/{name}")
    ResponseEntity<Resource> download(DataScope scope, @PathVariable String name) throws IOException {
        requireWholeTree(scope);
        Path file = backups.file(name).orElseThrow(() -> new NotFoundException("Backup", 0));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .contentLength(java.nio.file.Files.size(file))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(new FileSystemResource(file));
    }

    @PostMapping("/admin/backup/check")
    String check(DataScope scope, Model model) {
        requireWholeTree(scope);
        model.addAttribute("archives", backups.list());
        model.addAttribute("check", check.run());
        return "backup/index";
    }

    private void requireWholeTree(DataScope scope) {
        boolean wholeTree = units.root().map(r -> r.getPath().equals(scope.unitPath())).orElse(false);
        if (!wholeTree) {
            throw new AccessDeniedException("backups hold every unit's data");
        }
    }
}
