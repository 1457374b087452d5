package cn.minzheng.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** One of the platform's runnable modules, found by its executable jar in the module's {@code target/}. */
public enum Deployable {
    GATEWAY("gateway", "gateway", 0),
    ASSISTANCE("assistance", "assistance-service", 1),
    ELDERCARE("eldercare", "eldercare-service", 2),
    ORGS("orgs", "orgs-service", 3),
    FUNERAL("funeral", "funeral-service", 4),
    REGISTRY("registry", "registry-service", 5),
    /** The workbench: in front of the gateway, at the service port base + 9 (8090 in the dev run). */
    PORTAL("portal", "portal", 10);

    /** The five services, without the gateway. */
    public static final List<Deployable> SERVICES = List.of(ASSISTANCE, ELDERCARE, ORGS, FUNERAL, REGISTRY);

    private final String id;
    private final String module;
    private final int portOffset;

    Deployable(String id, String module, int portOffset) {
        this.id = id;
        this.module = module;
        this.portOffset = portOffset;
    }

    /** The path segment under {@code /api/}, the database name and the key in environment variables. */
    public String id() {
        return id;
    }

    public String module() {
        return module;
    }

    int portOffset() {
        return portOffset;
    }

    /** The module's runnable jar under {@code target/} (built by {@code ./mz run} or {@code package}). */
    public Path executableJar(Path root) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar in " + target
                            + "; build first (./mz run does, or ./mvnw -DskipTests package)"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
