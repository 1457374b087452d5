package cn.minzheng.platform.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.platform.ServiceProperties;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.util.AntPathMatcher;

/**
 * Every operation's problem responses, all with the one {@code Problem} schema (RFC 9457 plus {@code errors[]} and
 * {@code requestId}) and a Chinese example, so that a generated client can read every refusal. Which statuses an
 * operation can give follows from what it is: a body or parameters can be malformed (400), a login is needed
 * unless the path is public (401, 403), a path with an id can name nothing (404), a change can meet the state of
 * the record (409) or break a rule of the domain (422), an {@code If-Match} can be stale (412), and the gateway
 * sheds load (429). Public GETs are marked as needing no login.
 */
final class ProblemDocumentation implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String REF = "#/components/schemas/" + PROBLEM;
    private static final AntPathMatcher PATHS = new AntPathMatcher();

    private final ServiceProperties service;

    ProblemDocumentation(ServiceProperties service) {
        this.service = service;
    }

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                document(path, method, operation)));
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation) {
        boolean open = isPublic(path, method);
        if (open) {
            operation.setSecurity(List.of());
        }
        boolean changes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean ifMatch = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()));
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        Map<String, ApiResponse> problems = new LinkedHashMap<>();
        if (hasInput || changes) {
            problems.put("400", problem("请求无效：字段或参数有误，errors[] 逐项说明。 Bad input: errors[] names each field.",
                    400, "/problems/invalid-request", "请求无效", "请求中有无效的字段或参数。",
                    List.of(Map.of("field", "partyA.idNumber", "message", "身份证号码校验位不正确"))));
        }
        if (!open) {
            problems.put("401", problem("未登录或令牌无效。 No valid access token.", 401,
                    "/problems/unauthenticated", "未认证", "需要有效的访问令牌（令牌缺失、无效、已过期或不是为本平台签发）。",
                    null));
            problems.put("403", problem("角色或辖区不允许（已记入审计）。 Role or division does not allow it (audited).",
                    403, "/problems/forbidden", "无权访问", "您的角色不允许此操作。", null));
        }
        if (path.contains("{")) {
            problems.put("404", problem("没有这条记录。 No such record.", 404, "/problems/not-found", "未找到",
                    "没有编号为 div-0d1c5c1e 的离婚登记申请。", null));
        }
        if (changes) {
            problems.put("409", problem("与记录当前状态冲突。 Conflicts with the record's current state.", 409,
                    "/problems/wrong-status", "状态不允许", "该申请已撤回（2026-12-10），不能再办理。", null));
        }
        if (ifMatch) {
            problems.put("412", problem("If-Match 与当前版本不一致，未作任何修改。 Stale If-Match; nothing changed.",
                    412, "/problems/stale-version", "版本已过期", "记录在您读取之后已被修改，请重新读取后再提交。", null));
        }
        if (changes && operation.getRequestBody() != null) {
            problems.put("422", problem("不符合业务规则（法定条件等）。 Breaks a rule of the domain.", 422,
                    "/problems/under-age", "未达法定婚龄", "男方未满 22 周岁（2004-12-03 出生），不能登记结婚（《民法典》第一千零四十七条）。",
                    List.of(Map.of("field", "partyA.idNumber", "message", "未达法定婚龄"))));
        }
        problems.put("429", problem("请求过多，稍后重试（见 Retry-After）。 Too many requests; retry after Retry-After.",
                429, "/problems/too-many-requests", "请求过多", "请求过多，请稍后再试。", null));
        problems.forEach((status, response) -> {
            if (!responses.containsKey(status)) {
                responses.addApiResponse(status, response);
            }
        });
        operation.setResponses(responses);
    }

    private boolean isPublic(String path, PathItem.HttpMethod method) {
        String api = "/api/" + service.name();
        if (PATHS.match(api + "/v3/api-docs/**", path) || path.equals(api + "/asyncapi.yaml")
                || PATHS.match(api + "/events/*", path)) {
            return true;
        }
        return method == PathItem.HttpMethod.GET && service.publicPaths().stream()
                .anyMatch(pattern -> PATHS.match(api + pattern, path.replaceAll("\\{[^/]+}", "x")));
    }

    private static ApiResponse problem(String description, int status, String type, String title, String detail,
            List<Map<String, String>> errors) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", "/api/registry/marriages");
        example.put("requestId", "5f0c6a0e-3b8e-4c7a-9d43-2f1e8a7b6c10");
        if (errors != null) {
            example.put("errors", errors);
        }
        return new ApiResponse().description(description).content(new Content().addMediaType(
                "application/problem+json", new MediaType().schema(new Schema<>().$ref(REF)).example(example)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema problemSchema() {
        ObjectSchema error = new ObjectSchema();
        error.addProperty("field", new StringSchema().description("出错字段的 JSON 路径 JSON path of the field")
                .example("partyA.idNumber"));
        error.addProperty("message", new StringSchema().description("原因 Why it was refused")
                .example("身份证号码校验位不正确"));
        ObjectSchema problem = new ObjectSchema();
        problem.description("RFC 9457 问题详情，中文（Accept-Language: en 时为英文）。 RFC 9457 problem details, in Chinese "
                + "(English with Accept-Language: en).");
        problem.addProperty("type", new StringSchema().format("uri-reference").example("/problems/invalid-request")
                .description("问题类型，稳定可编程判断 The problem's type, stable for code"));
        problem.addProperty("title", new StringSchema().example("请求无效").description("简短标题 Short title"));
        problem.addProperty("status", new IntegerSchema().example(400).description("HTTP 状态码 HTTP status"));
        problem.addProperty("detail", new StringSchema().example("请求中有无效的字段或参数。")
                .description("给人读的说明 What happened, for a person"));
        problem.addProperty("instance", new StringSchema().format("uri-reference").example("/api/registry/marriages")
                .description("请求路径 The request's path"));
        problem.addProperty("requestId", new StringSchema().example("5f0c6a0e-3b8e-4c7a-9d43-2f1e8a7b6c10")
                .description("请求编号，与日志对应 The request id, as in the logs"));
        problem.addProperty("errors", new ArraySchema().items(error)
                .description("逐字段的原因（校验错误时） Per-field reasons (on bad input)"));
        problem.setRequired(List.of("type", "title", "status"));
        return problem;
    }
}
