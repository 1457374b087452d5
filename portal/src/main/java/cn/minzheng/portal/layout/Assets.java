package cn.minzheng.portal.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.webjars.WebJarVersionLocator;

/**
 * The addresses of the pages' script and style, worked out once at start: the WebJar's versioned path and the style
 * sheet with a hash of its content, so browsers may keep both for a year and still get a changed file at once.
 * Templates use them as {@code ${@assets.htmx}}: a link expression would ask Spring's resource chain to resolve the
 * asset on every render, which searched the class path each time (a third of the portal's CPU per page in
 * {@code ./mz bench portal}).
 */
@Component("assets")
public class Assets {

    private final String htmx;
    private final String echarts;
    private final String charts;
    private final String css;

    Assets() {
        WebJarVersionLocator webjars = new WebJarVersionLocator();
        this.htmx = webjar(webjars, "htmx.org", "dist/htmx.min.js");
        this.echarts = webjar(webjars, "echarts", "dist/echarts.min.js");
        this.charts = "/js/charts.js?v=" + contentHash("static/js/charts.js");
        this.css = "/css/portal.css?v=" + contentHash("static/css/portal.css");
    }

    private static String webjar(WebJarVersionLocator webjars, String name, String file) {
        String path = webjars.fullPath(name, file);
        if (path == null) {
            throw new IllegalStateException("the " + name + " WebJar is missing from the class path");
        }
        return "/" + path.substring("META-INF/resources/".length());
    }

    public String getEcharts() {
        return echarts;
    }

    /** The dashboards' own script: draws each table marked for it with ECharts (the page works without it). */
    public String getCharts() {
        return charts;
    }

    public String getHtmx() {
        return htmx;
    }

    public String getCss() {
        return css;
    }

    private static String contentHash(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(in.readAllBytes());
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
