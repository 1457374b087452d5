package cn.minzheng.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minzheng.devstack.Deployable;
import cn.minzheng.devstack.StackSettings;
import org.yaml.snakeyaml.Yaml;

/**
 * What the deployment files (docker-compose.yml, deploy/k8s) must agree with: the variables each deployable reads
 * and what docker-compose.yml sets for it. Shared by the tests of both files, so they check the same thing.
 */
public final class DeploymentFiles {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    /** Spring's relaxed binding maps these onto properties directly; they need no placeholder. */
    public static final List<String> RELAXED_PREFIXES = List.of("SPRING_", "LOGGING_", "MANAGEMENT_", "SERVER_SHUTDOWN");

    public static final Path ROOT = StackSettings.findRoot(Path.of(""));

    private DeploymentFiles() {
    }

    /** The environment variables the module's configuration reads (its own and, for services, the platform's). */
    public static Set<String> variablesRead(Deployable deployable) {
        Set<String> names = new HashSet<>();
        collect(ROOT.resolve(deployable.module()).resolve("src/main/resources/application.yml"), names);
        if (deployable != Deployable.GATEWAY && deployable != Deployable.PORTAL) {
            collect(ROOT.resolve("platform/src/main/resources/minzheng-platform-defaults.yml"), names);
        }
        return names;
    }

    /** Whether a deployment may set this variable for the module: one it reads, or one Spring binds by itself. */
    public static boolean reads(Deployable deployable, String name) {
        return RELAXED_PREFIXES.stream().anyMatch(name::startsWith) || variablesRead(deployable).contains(name);
    }

    /** docker-compose.yml's {@code services} section. */
    public static Map<String, Object> composeServices() {
        try {
            Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
            return section(compose, "services");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The environment docker-compose.yml gives a deployable. */
    public static Map<String, Object> composeEnvironment(Deployable deployable) {
        return section(section(composeServices(), deployable.module()), "environment");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map)) {
            throw new AssertionError("no section " + key + " in " + parent.keySet());
        }
        return (Map<String, Object>) value;
    }

    private static void collect(Path file, Set<String> names) {
        try {
            Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
