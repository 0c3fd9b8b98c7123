package org.luoshi.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import org.luoshi.ledger.RecordFilter;
import org.luoshi.ledger.RecordKind;
import org.luoshi.org.DataScope;
import org.luoshi.time.Times;
import org.luoshi.web.ApiController;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

@ApiController("/api/v1/exchange")
@Tag(name = "exchange", description = "台账 Excel 导入导出：模板、导入预览与确认、按筛选导出")
class ExchangeApiController {

    static final String WRITERS = "hasAuthority('records:write')";
    /** Who may change the org tree and people (as in the org module). */
    static final String ORG_WRITERS = "hasAuthority(\'township:manage\')";

    private final ExchangeService exchange;
    private final OrgExchange org;
    private final MessageSource messages;
    private final Times times;

    ExchangeApiController(ExchangeService exchange, OrgExchange org, MessageSource messages, Times times) {
        this.times = times;
        this.exchange = exchange;
        this.org = org;
        this.messages = messages;
    }

    @GetMapping("/templates/{kind}")
    @Operation(summary = "下载某类台账的导入模板（.xlsx）")
    void template(DataScope scope, @PathVariable String kind, HttpServletResponse response) throws IOException {
        RecordKind k = exchange.kind(kind);
        Downloads.xlsx(response, exchange.fileName(k, "template"), times.today(), out -> exchange.template(scope, k, out));
    }

    @PostMapping("/imports/{kind}")
    @PreAuthorize(WRITERS)
    @Operation(summary = "上传填好的模板，逐行校验并返回预览（尚未写入）")
    ExchangeService.Preview upload(DataScope scope, @PathVariable String kind, @RequestPart("file") MultipartFile file)
            throws IOException {
        RecordKind k = exchange.kind(kind);
        try (InputStream in = file.getInputStream()) {
            return exchange.preview(scope, k, in);
        }
    }

    @PostMapping("/imports/{id}/commit")
    @PreAuthorize(WRITERS)
    @Operation(summary = "确认导入：在一个事务中写入全部新行，有错误行时拒绝")
    ExchangeService.Result commit(DataScope scope, @PathVariable String id) throws IOException {
        return OrgSheet.find(exchange.pending(scope, id).getProperty("kind")).isPresent()
                ? org.commit(scope, id) : exchange.commit(scope, id);
    }

    @GetMapping("/org/templates/{sheet}")
    @Operation(summary = "下载组织架构（org-units）或人员岗位（people）的导入模板")
    void orgTemplate(DataScope scope, @PathVariable String sheet, HttpServletResponse response) throws IOException {
        OrgSheet s = ExchangeController.orgSheet(sheet);
        Downloads.xlsx(response, org.fileName(s, "template"), times.today(), out -> org.template(scope, s, out));
    }

    @GetMapping("/org/exports/{sheet}")
    @Operation(summary = "导出本人范围内的组织架构（org-units）或人员及现任岗位（people）")
    void orgExport(DataScope scope, @PathVariable String sheet, @RequestParam(required = false) Long unitId,
            HttpServletResponse response) throws IOException {
        OrgSheet s = ExchangeController.orgSheet(sheet);
        org.checkUnit(scope, unitId);
        Downloads.xlsx(response, org.fileName(s, "export"), times.today(), out -> org.export(scope, s, unitId, out));
    }

    @PostMapping("/org/imports/{sheet}")
    @PreAuthorize(ORG_WRITERS)
    @Operation(summary = "上传组织架构或人员岗位表，逐行校验并返回预览（尚未写入）；确认与错误行下载同台账导入")
    ExchangeService.Preview orgUpload(DataScope scope, @PathVariable String sheet, @RequestPart("file") MultipartFile file)
            throws IOException {
        OrgSheet s = ExchangeController.orgSheet(sheet);
        try (InputStream in = file.getInputStream()) {
            return org.preview(scope, s, in);
        }
    }

    @GetMapping("/imports/{id}/errors")
    @PreAuthorize(WRITERS)
    @Operation(summary = "下载错误行（原始内容加“错误原因”列）")
    void errors(DataScope scope, @PathVariable String id, HttpServletResponse response) throws IOException {
        exchange.pending(scope, id);
        Downloads.xlsx(response, "errors.xlsx", times.today(), out -> exchange.errorFile(scope, id, out));
    }

    @GetMapping("/exports/{kind}")
    @Operation(summary = "按列表筛选条件导出某类台账（与模板同列）")
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

    @ExceptionHandler(ExchangeFileException.class)
    ProblemDetail badFile(ExchangeFileException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale()));
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", e.messageKey());
        return problem;
    }
}
