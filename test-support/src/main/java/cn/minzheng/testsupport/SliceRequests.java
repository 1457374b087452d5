package cn.minzheng.testsupport;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One row of a controller's refusal matrix in a {@link ControllerSlice} test: a caller (role and division) sends a
 * request and gets the expected status and problem type, e.g. {@code POST /api/x/1/approval} by a township
 * officer: 403 {@code /problems/forbidden}.
 */
public final class SliceRequests {

    private SliceRequests() {
    }

    public static void expectRefusal(MockMvc http, String method, String path, String json, String role,
            String division, int status, String type) throws Exception {
        var request = request(HttpMethod.valueOf(method), path).with(SliceJwts.caller("someone", division, role));
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        http.perform(request).andExpect(status().is(status)).andExpect(jsonPath("$.type").value(type));
    }
}
