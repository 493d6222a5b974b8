package cn.shapotou.litigation.web;

import cn.shapotou.litigation.engine.FormFieldRefusal;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API (Tasklist's only server) answers refusals in Chinese: the body keeps the shape Camunda's own
 * handlers write ({@code type}, {@code message}, {@code code}, and the extra fields of an authorization failure, plus
 * {@code errors} with each refused field's id for programs) and
 * the same HTTP status, so Tasklist shows {@code message} as before; only the message changes. A refusal of ours
 * (a {@link FormFieldRefusal} carrying every field error in Chinese) is shown without the engine's
 * English prefix and task or definition id; the common English engine messages become Chinese sentences; anything
 * else becomes a Chinese sentence with a reference number. The original English goes to the server log with that
 * number, for operators (README「界面语言」).
 */
@Component
public class EngineRestErrors implements ResourceConfigCustomizer {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    /** Lower is chosen first; Camunda registers its handlers without a priority (Priorities.USER, 5000). */
    static final int PRIORITY = 1000;

    /** "Cannot submit task form 1c2…: " and "Cannot instantiate process definition litigation-case:1:…: ". */
    private static final Pattern ENGINE_PREFIX = Pattern.compile(
            "^(?:[A-Z][^\\p{IsHan}]*?:\\s+)+(?=[\\p{IsHan}（「“])");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new ForRest(), PRIORITY);
        config.register(new ForEngine(), PRIORITY);
        config.register(new ForAnything(), PRIORITY);
    }

    public static final class ForRest implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException e) {
            return respond(e);
        }
    }

    public static final class ForEngine implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException e) {
            return respond(e);
        }
    }

    public static final class ForAnything implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            return respond(e);
        }
    }

    static Response respond(Throwable e) {
        ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
        Response.Status status = camunda.getStatus(e);
        if (status == null) {
            // A status JAX-RS has no constant for: Camunda's own answer, unchanged.
            return camunda.getResponse(e);
        }
        ExceptionDto body = camunda.fromException(e);
        String chinese = chinese(e);
        if (chinese == null) {
            String reference = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
            chinese = general(status) + "（错误编号 " + reference + "，请告知系统管理员）";
            if (status.getFamily() == Response.Status.Family.SERVER_ERROR) {
                log.error("Engine REST error {} answered {} in Chinese: {}", reference, status.getStatusCode(),
                        e.getMessage(), e);
            } else {
                log.warn("Engine REST refusal {} answered {} in Chinese: {}", reference, status.getStatusCode(),
                        e.getMessage());
            }
        } else {
            // A refusal or a conflict the person can act on: the English original, one line, for operators.
            log.info("Engine REST answered {} as「{}」: {}", status.getStatusCode(), chinese, e.getMessage());
        }
        body.setMessage(chinese);
        Map<String, Object> entity = JSON.convertValue(body, MAP);
        List<FieldError> errors = fieldErrors(e);
        if (!errors.isEmpty()) {
            // The field ids stay available to programs, as in /api's errors; people read only the message.
            entity.put("errors", errors);
        }
        return Response.status(status).entity(entity).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static List<FieldError> fieldErrors(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (FormFieldRefusal.detailOf(t) instanceof List<?>) {
                return FormRefusal.errorsOf(t);
            }
        }
        return List.of();
    }

    /** The Chinese a person should read, or null when nothing in the exception says it. */
    static String chinese(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (FormFieldRefusal.isRefusal(t) && hasHan(t.getMessage())) {
                return stripPrefix(t.getMessage());
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String known = known(t);
            if (known != null) {
                return known;
            }
        }
        // Our own messages (start and end listeners, delegates) are Chinese; the innermost is the one without the
        // engine's prefixes.
        String innermost = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (hasHan(t.getMessage())) {
                innermost = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return innermost == null ? null : stripPrefix(innermost);
    }

    /** The engine's common refusals, as a clerk should read them. */
    private static String known(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof AuthorizationException) {
            return "您没有执行此操作的权限。如确需办理，请联系区司法局的系统管理员授权。";
        }
        if (t instanceof TaskAlreadyClaimedException || message.contains("is already claimed by")) {
            return "该任务已由他人认领，不能再认领。请刷新任务列表查看办理人。";
        }
        if (t instanceof OptimisticLockingException) {
            return "该事项刚刚已被他人修改或办理。请刷新页面，确认最新情况后再提交。";
        }
        if (t instanceof SuspendedEntityInteractionException || message.contains("is suspended")) {
            return "该任务所在的流程已被暂停（挂起），暂时不能办理。请联系区司法局。";
        }
        if ((t instanceof NotFoundException || t instanceof NullValueException || t instanceof RestException
                || t instanceof ProcessEngineException) && isMissingTask(message)) {
            return "该任务不存在，可能已由他人办理完毕或已撤销。请刷新任务列表。";
        }
        if (message.startsWith("No matching process instance") || message.contains("process instance is null")) {
            return "该流程实例不存在，可能已经结束。请刷新页面。";
        }
        if (message.startsWith("No matching definition") || message.startsWith("No matching process definition")
                || message.contains("no deployed process definition found")) {
            return "找不到该流程定义，可能尚未部署或已被删除。请联系系统管理员。";
        }
        return null;
    }

    private static boolean isMissingTask(String message) {
        return message.startsWith("No matching task")
                || message.contains("Cannot find task")
                || message.contains("task is null")
                || message.contains("No task exists with id")
                || message.contains("task with id") && message.contains("does not exist")
                || message.contains("Task with id") && message.contains("does not exist");
    }

    private static String general(Response.Status status) {
        return switch (status.getStatusCode()) {
            case 400 -> "请求未能办理：提交的内容不符合要求";
            case 401 -> "尚未登录或登录已过期，请重新登录";
            case 403 -> "您没有执行此操作的权限";
            case 404 -> "所请求的内容不存在，可能已被办理完毕或删除";
            case 405 -> "不支持该请求方法";
            case 409 -> "该事项刚刚已被他人修改，请刷新后重试";
            case 415 -> "请求内容的格式不正确";
            default -> status.getFamily() == Response.Status.Family.SERVER_ERROR
                    ? "系统处理时出错，本次操作没有生效" : "请求未能办理";
        };
    }

    static String stripPrefix(String message) {
        return ENGINE_PREFIX.matcher(message).replaceFirst("");
    }

    private static boolean hasHan(String message) {
        return message != null && HAN.matcher(message).find();
    }
}
