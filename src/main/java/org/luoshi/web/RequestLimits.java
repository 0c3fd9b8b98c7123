package org.luoshi.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.MappingJackson2JsonView;

/**
 * 413 (upload too large) and 415 (a body of a type the route does not take) in Chinese. Both are
 * raised before a controller is chosen (while the multipart body is parsed, or while the route is
 * matched), so the advices bound to API or page controllers never see them; this one is global and
 * tells the two apart by the path: problem+json under /api/, the error page elsewhere.
 */
@ControllerAdvice
@Order(2)
class RequestLimits {

    private final MessageSource messages;
    private final ObjectMapper json;
    private final DataSize maxUpload;

    RequestLimits(MessageSource messages, ObjectMapper json,
            @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize maxUpload) {
        this.messages = messages;
        this.json = json;
        this.maxUpload = maxUpload;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        String limit = maxUpload.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0 ? maxUpload.toMegabytes() + " MB"
                : maxUpload.toKilobytes() + " KB";
        return answer(request, HttpStatus.PAYLOAD_TOO_LARGE, "error.payloadTooLarge", limit);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        String sent = e.getContentType() == null ? "—" : e.getContentType().toString();
        String accepted = e.getSupportedMediaTypes().isEmpty() ? MediaType.APPLICATION_JSON_VALUE
                : e.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining("、"));
        return answer(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.mediaType", sent, accepted);
    }

    private ModelAndView answer(HttpServletRequest request, HttpStatus status, String key, Object... args) {
        String message = messages.getMessage(key, args, LocaleContextHolder.getLocale());
        ModelAndView answer;
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
            problem.setType(URI.create("about:blank"));
            MappingJackson2JsonView view = new MappingJackson2JsonView(json);
            view.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            view.setExtractValueFromSingleKeyModel(true);
            answer = new ModelAndView(view, Map.of("problem", problem));
        } else {
            answer = new ModelAndView("error", Map.of("status", status.value(), "message", message));
        }
        answer.setStatus(status);
        return answer;
    }
}
