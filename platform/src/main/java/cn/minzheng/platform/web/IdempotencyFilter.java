package cn.minzheng.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.bson.Document;

import cn.minzheng.platform.ServiceProperties;
import cn.minzheng.platform.problem.ProblemResponses;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on POST (DESIGN.md §6): mobile clients and the provincial platform retry on timeouts, and
 * the retry must not create a second application or booking. The first request with a key runs and its successful
 * response is kept (at least {@link #RETENTION}); a retry with the same key and body gets that response again
 * ({@code Idempotent-Replayed: true}); the same key with another body is a 422; a retry while the first is still
 * running is a 409. Keys are per caller, so one client cannot replay another's response. Failed requests are not
 * kept: the caller may correct and retry with the same key.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    /** Retries come within minutes; a day covers a client that retries the next morning. */
    public static final Duration RETENTION = Duration.ofHours(48);
    static final String COLLECTION = "idempotency_keys";
    private static final Duration IN_PROGRESS_LEASE = Duration.ofMinutes(1);
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final MongoTemplate mongo;
    private final ProblemResponses problems;
    private final Clock clock;
    private final String apiPrefix;

    public IdempotencyFilter(MongoTemplate mongo, ProblemResponses problems, Clock clock, ServiceProperties service) {
        this.mongo = mongo;
        this.problems = problems;
        this.clock = clock;
        this.apiPrefix = "/api/" + service.name() + "/";
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith(apiPrefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "invalid-idempotency-key",
                    "Idempotency-Key must be 1 to 100 letters, digits or . _ : -");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String id = sha256(caller() + " " + request.getRequestURI() + " " + key);
        String bodyHash = sha256(new String(body, StandardCharsets.UTF_8));
        Document earlier = claim(id, bodyHash);
        if (earlier != null) {
            replay(earlier, bodyHash, request, response);
            return;
        }
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReplayedBody(request, body), captured);
            if (captured.getStatus() >= 200 && captured.getStatus() < 300) {
                keep(id, captured);
                kept = true;
            }
        } finally {
            if (!kept) {
                mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION);
            }
            captured.copyBodyToResponse();
        }
    }

    /** Null when this request may run (the key is new, or a crashed request's claim ran out); else the record. */
    private Document claim(String id, String bodyHash) {
        Instant now = clock.instant();
        Document claim = new Document("_id", id).append("state", "IN_PROGRESS").append("bodyHash", bodyHash)
                .append("claimedAt", Date.from(now)).append("expiresAt", Date.from(now.plus(RETENTION)));
        try {
            mongo.insert(claim, COLLECTION);
            return null;
        } catch (DuplicateKeyException exists) {
            Document earlier = mongo.findById(id, Document.class, COLLECTION);
            boolean abandoned = earlier != null && "IN_PROGRESS".equals(earlier.getString("state"))
                    && earlier.getDate("claimedAt").toInstant().isBefore(now.minus(IN_PROGRESS_LEASE));
            boolean expired = earlier != null && earlier.getDate("expiresAt").toInstant().isBefore(now);
            if (earlier == null || abandoned || expired) {
                mongo.remove(new Query(Criteria.where("_id").is(id)), COLLECTION);
                return claim(id, bodyHash);
            }
            return earlier;
        }
    }

    private void keep(String id, ContentCachingResponseWrapper captured) {
        Document headers = new Document();
        for (String name : new String[] {"Location", "ETag", "Content-Type"}) {
            if (captured.getHeader(name) != null) {
                headers.append(name, captured.getHeader(name));
            }
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)), new org.springframework.data.mongodb.core.query
                .Update().set("state", "DONE").set("status", captured.getStatus()).set("headers", headers)
                .set("body", new String(captured.getContentAsByteArray(), StandardCharsets.UTF_8)), COLLECTION);
    }

    private void replay(Document earlier, String bodyHash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!bodyHash.equals(earlier.getString("bodyHash"))) {
            refuse(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request body; use a new key.");
        } else if (!"DONE".equals(earlier.getString("state"))) {
            refuse(request, response, HttpStatus.CONFLICT, "idempotency-key-in-use",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        } else {
            response.setStatus(earlier.getInteger("status"));
            earlier.get("headers", Document.class).forEach((name, value) -> response.setHeader(name, (String) value));
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(earlier.getString("body").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind,
            String detail) throws IOException {
        problems.write(request, response, problems.problem(status, kind, null, detail, request));
    }

    private static String caller() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body was read to hash it; the controller reads it again from here. */
    private static final class ReplayedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReplayedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
