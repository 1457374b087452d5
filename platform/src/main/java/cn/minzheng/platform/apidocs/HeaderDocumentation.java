package cn.minzheng.platform.apidocs;

import java.util.ArrayList;
import java.util.Map;

import cn.minzheng.platform.web.IdempotencyFilter;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The headers every service honours but no controller method names: {@code Idempotency-Key} on every POST (the
 * platform's filter), the {@code ETag} a record's reads and updates answer and the {@code If-Match} its updates
 * check, and what the paging parameters mean.
 */
final class HeaderDocumentation implements OpenApiCustomizer {

    private static final Map<String, String> PAGING = Map.of(
            "page", "页码，从 0 开始 Page number, from 0",
            "size", "每页条数，1 至 200，默认 20 Items per page, 1 to 200, 20 by default");

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (method == PathItem.HttpMethod.POST) {
                idempotencyKey(operation);
            }
            boolean ifMatch = describeIfMatch(operation);
            boolean oneRecord = method == PathItem.HttpMethod.GET && path.endsWith("}");
            eTag(operation, ifMatch || oneRecord);
            paging(operation);
        }));
    }

    private static void idempotencyKey(Operation operation) {
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyFilter.HEADER.equalsIgnoreCase(p.getName()))) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name(IdempotencyFilter.HEADER).required(false)
                .schema(new StringSchema().pattern("^[A-Za-z0-9._:-]{1,100}$").example("app-7f3c2a91-0001"))
                .description("""
                        幂等键：超时重试时带同一个键，只执行一次并返回同样的答复；同一个键配不同的请求体为 422。
                        Idempotency key: a retry with the same key is done once and gets the same answer; the same \
                        key with another body is 422."""));
    }

    private static boolean describeIfMatch(Operation operation) {
        if (operation.getParameters() == null) {
            return false;
        }
        boolean found = false;
        for (Parameter parameter : operation.getParameters()) {
            if ("If-Match".equalsIgnoreCase(parameter.getName())) {
                parameter.description("""
                        上次读取时的 ETag（如 "3"）。与当前版本不一致时 412，不作任何修改；不带则不检查。
                        The ETag of your last read (e.g. "3"). A stale one is 412 and changes nothing; without it, \
                        no check.""");
                parameter.setExample("\"3\"");
                found = true;
            }
        }
        return found;
    }

    private static void eTag(Operation operation, boolean answersETag) {
        if (!answersETag || operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject("ETag", new Header().schema(new StringSchema().example("\"3\""))
                        .description("记录的版本，修改时作 If-Match 使用 The record's version, for If-Match"));
            }
        });
    }

    private static void paging(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : new ArrayList<>(operation.getParameters())) {
            String description = PAGING.get(parameter.getName());
            if (description != null && "query".equals(parameter.getIn()) && parameter.getDescription() == null) {
                parameter.setDescription(description);
            }
        }
    }
}
