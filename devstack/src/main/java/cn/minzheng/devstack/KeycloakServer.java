package cn.minzheng.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import cn.minzheng.devstack.process.ManagedProcess;

/**
 * The real Keycloak server, from the distribution Maven unpacked into {@code .devstack/keycloak}, started in
 * development mode with the platform's realm file. Its database lives in the stack's data folder, so a second
 * start skips the import; when the realm file changes the database is dropped and the realm imported afresh
 * (Keycloak never re-imports an existing realm).
 */
final class KeycloakServer {

    static final String REALM = "minzheng";
    static final String DEV_ADMIN_USER = "admin";
    static final String DEV_ADMIN_PASSWORD = "dev-only-admin-password";
    /** The realm's client for reading metrics (keycloak/minzheng-realm.json), with its DEV ONLY secret. */
    static final String METRICS_CLIENT = "metrics-scraper";
    static final String DEV_METRICS_SECRET = "dev-only-metrics-scraper-secret";

    private KeycloakServer() {
    }

    static ManagedProcess prepare(StackSettings settings) {
        Path home = settings.keycloakHome();
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home
                    + "; build the devstack module first (./mz run does)");
        }
        Path data = settings.dataDir().resolve("keycloak");
        installRealm(settings.realmFile(), home.resolve("data/import"), data);
        int port = settings.keycloakPort();
        return new ManagedProcess("keycloak",
                List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev", "--http-port=" + port,
                        "--hostname=" + issuerBase(settings), "--import-realm"),
                Map.of("JAVA_HOME", settings.javaHome().toString(),
                        // Replaces kc.sh's defaults (G1, 512 MB heap) wholesale: every MB counts on a 2-core dev box.
                        "JAVA_OPTS", settings.keycloakJavaOptions() + " -Dfile.encoding=UTF-8"
                                + " -XX:+ExitOnOutOfMemoryError -Djava.security.egd=file:/dev/urandom",
                        "JAVA_OPTS_APPEND", "-Dkc.db-url-path=" + data.toAbsolutePath(),
                        "KC_BOOTSTRAP_ADMIN_USERNAME", DEV_ADMIN_USER,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", DEV_ADMIN_PASSWORD),
                settings.logDir().resolve("keycloak.log"),
                URI.create("http://127.0.0.1:" + port + "/realms/" + REALM + "/.well-known/openid-configuration"));
    }

    /** Tokens name this issuer whatever address a client used, so services can check it. */
    static String issuerBase(StackSettings settings) {
        return "http://localhost:" + settings.keycloakPort();
    }

    static String issuer(StackSettings settings) {
        return issuerBase(settings) + "/realms/" + REALM;
    }

    private static void installRealm(Path realmFile, Path importDir, Path data) {
        try {
            Files.createDirectories(importDir);
            Files.createDirectories(data);
            Files.copy(realmFile, importDir.resolve(REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            String hash = sha256(realmFile);
            Path stamp = data.resolve("realm.sha256");
            if (!Files.exists(stamp) || !Files.readString(stamp).equals(hash)) {
                deleteTree(data.resolve("data"));
                Files.writeString(stamp, hash);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
