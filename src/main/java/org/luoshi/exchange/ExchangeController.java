package org.luoshi.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.ledger.RecordKind;
import org.luoshi.ledger.RecordKinds;
import org.luoshi.org.DataScope;
import org.luoshi.time.Times;
import org.luoshi.web.RuleViolationException;
import org.luoshi.web.UploadException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The exchange pages: choose a kind, download its template, upload, preview, confirm, result; and list exports. */
@Controller
@RequestMapping("/exchange")
class ExchangeController {

    private final ExchangeService exchange;
    private final OrgExchange org;
    private final RecordKinds kinds;
    private final MessageSource messages;
    private final Times times;

    ExchangeController(ExchangeService exchange, OrgExchange org, RecordKinds kinds, MessageSource messages, Times times) {
        this.times = times;
        this.exchange = exchange;
        this.org = org;
        this.kinds = kinds;
        this.messages = messages;
    }

    @GetMapping
    String index(DataScope scope, @RequestParam(required = false) String kind, Model model) {
        model.addAttribute("kinds", kinds.all());
        model.addAttribute("selectedKind", kind == null ? null : exchange.kind(kind).code());
        model.addAttribute("canWrite", scope.writable());
        // Plain maps: the templates cannot call methods of this module's package-private types.
        model.addAttribute("orgSheets", java.util.Arrays.stream(OrgSheet.values())
                .map(s -> java.util.Map.of("slug", s.slug(), "labelKey", s.labelKey())).toList());
        return "exchange/index";
    }

    @GetMapping("/templates/{kind}")
    void template(DataScope scope, @PathVariable String kind, HttpServletResponse response) throws IOException {
        RecordKind k = exchange.kind(kind);
        Downloads.xlsx(response, exchange.fileName(k, "template"), times.today(), out -> exchange.template(scope, k, out));
    }

    @PostMapping("/imports")
    @PreAuthorize(ExchangeApiController.WRITERS)
    String upload(DataScope scope, @RequestParam String kind, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        RecordKind k = exchange.kind(kind);
        try {
            if (file == null || file.isEmpty()) {
                throw new ExchangeFileException("exchange.file.empty");
            }
            try (InputStream in = file.getInputStream()) {
                model.addAttribute("preview", exchange.preview(scope, k, in));
            }
        } catch (ExchangeFileException e) {
            response.setStatus(400);
            model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
            return index(scope, k.code(), model);
        } catch (UploadException e) {
            return fileError(scope, k.code(), e, model, response);
        }
        model.addAttribute("kind", k);
        previewOf(model, k.labelKey(), "exchange.column.TITLE", "exchange.preview.confirmText", "/exchange?kind=" + k.slug(),
                file.getOriginalFilename());
        return "exchange/preview";
    }

    @PostMapping("/imports/{id}/commit")
    @PreAuthorize(ExchangeApiController.WRITERS)
    String commit(DataScope scope, @PathVariable String id, RedirectAttributes redirect) throws IOException {
        try {
            ExchangeService.Result result = OrgSheet.find(exchange.pending(scope, id).getProperty("kind")).isPresent()
                    ? org.commit(scope, id) : exchange.commit(scope, id);
            redirect.addFlashAttribute("result", result);
            return "redirect:/exchange/result";
        } catch (RuleViolationException | ExchangeFileException e) {
            String key = e instanceof RuleViolationException r ? r.messageKey() : ((ExchangeFileException) e).messageKey();
            Object[] args = e instanceof RuleViolationException r ? r.args() : ((ExchangeFileException) e).args();
            redirect.addFlashAttribute("failure", messages.getMessage(key, args, key, LocaleContextHolder.getLocale()));
            return "redirect:/exchange/result";
        }
    }

    @GetMapping("/result")
    String result(DataScope scope, Model model) {
        model.addAttribute("kinds", kinds.all());
        return "exchange/result";
    }

    @GetMapping("/imports/{id}/errors")
    @PreAuthorize(ExchangeApiController.WRITERS)
    void errors(DataScope scope, @PathVariable String id, HttpServletResponse response) throws IOException {
        exchange.pending(scope, id);
        Downloads.xlsx(response, "errors.xlsx", times.today(), out -> exchange.errorFile(scope, id, out));
    }

    // ---- org tree and people ----

    @GetMapping("/org/templates/{sheet}")
    void orgTemplate(DataScope scope, @PathVariable String sheet, HttpServletResponse response) throws IOException {
        OrgSheet s = orgSheet(sheet);
        Downloads.xlsx(response, org.fileName(s, "template"), times.today(), out -> org.template(scope, s, out));
    }

    @GetMapping("/org/exports/{sheet}")
    void orgExport(DataScope scope, @PathVariable String sheet, @RequestParam(required = false) Long unitId,
            HttpServletResponse response) throws IOException {
        OrgSheet s = orgSheet(sheet);
        org.checkUnit(scope, unitId);
        Downloads.xlsx(response, org.fileName(s, "export"), times.today(), out -> org.export(scope, s, unitId, out));
    }

    @PostMapping("/org/imports")
    @PreAuthorize(ExchangeApiController.ORG_WRITERS)
    String orgUpload(DataScope scope, @RequestParam String sheet, @RequestParam(required = false) MultipartFile file, Model model,
            HttpServletResponse response) throws IOException {
        OrgSheet s = orgSheet(sheet);
        try {
            if (file == null || file.isEmpty()) {
                throw new ExchangeFileException("exchange.file.empty");
            }
            try (InputStream in = file.getInputStream()) {
                model.addAttribute("preview", org.preview(scope, s, in));
            }
        } catch (ExchangeFileException e) {
            response.setStatus(400);
            model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
            return index(scope, null, model);
        } catch (UploadException e) {
            return fileError(scope, null, e, model, response);
        }
        previewOf(model, s.labelKey(), "exchange.org.column.NAME", "exchange.org.confirmText", "/exchange",
                file.getOriginalFilename());
        return "exchange/preview";
    }

    /** The server could not keep the upload (its storage failed): said where a refused file is said, with its own status. */
    private String fileError(DataScope scope, String kind, UploadException e, Model model, HttpServletResponse response) {
        response.setStatus(UploadException.pageStatus(e, 400));
        model.addAttribute("fileError", messages.getMessage(e.messageKey(), e.args(), LocaleContextHolder.getLocale()));
        return index(scope, kind, model);
    }

    static OrgSheet orgSheet(String slug) {
        return OrgSheet.find(slug).orElseThrow(() -> new org.luoshi.web.NotFoundException("OrgSheet", slug));
    }

    @GetMapping("/exports/{kind}")
    void export(DataScope scope, @PathVariable String kind, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
            @RequestParam(defaultValue = "false") boolean late, HttpServletResponse response) throws IOException {
        RecordKind k = exchange.kind(kind);
        RecordFilter filter = new RecordFilter(k.code(), unitId, from, to, q, tag, late);
        exchange.checkFilter(scope, filter);
        Downloads.xlsx(response, exchange.fileName(k, "export"), times.today(), out -> exchange.export(scope, k, filter, out));
    }

    /** What differs between the preview of a ledger sheet and of an org sheet; the page is the same. */
    private static void previewOf(Model model, String sheetLabelKey, String titleColumnKey, String confirmKey, String againUrl,
            String fileName) {
        model.addAttribute("sheetLabelKey", sheetLabelKey);
        model.addAttribute("titleColumnKey", titleColumnKey);
        model.addAttribute("confirmKey", confirmKey);
        model.addAttribute("againUrl", againUrl);
        model.addAttribute("fileName", fileName);
    }
}
