package cn.minzheng.platform.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * Errors Tomcat raises before a request reaches the application (a malformed request line, an invalid character in
 * the URL, headers too large) were answered with Tomcat's HTML page, which names the server. This valve answers
 * them as problem+json like every other error, Chinese unless the caller prefers English. Errors that reach the
 * application never come here: {@link ProblemErrorController} answers them.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    private static final Map<Integer, String> CHINESE = Map.of(400, "请求错误", 404, "未找到", 405, "方法不允许",
            413, "请求体过大", 414, "请求地址过长", 431, "请求头过大", 500, "内部错误", 503, "服务暂不可用",
            505, "不支持的 HTTP 版本");

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean writable = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, writable);
        if (!writable.get()) {
            return;
        }
        String language = request.getHeader("Accept-Language");
        boolean english = language != null && language.strip().toLowerCase(Locale.ROOT).startsWith("en");
        HttpStatus known = HttpStatus.resolve(status);
        String title = english ? (known != null ? known.getReasonPhrase() : "Error")
                : CHINESE.getOrDefault(status, status < 500 ? "请求错误" : "内部错误");
        String kind = ProblemResponses.kindOf(HttpStatusCode.valueOf(status));
        String body = "{\"type\":\"/problems/" + kind + "\",\"title\":\"" + title + "\",\"status\":" + status + "}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response committed meanwhile: nothing more can be said.
        }
    }
}
