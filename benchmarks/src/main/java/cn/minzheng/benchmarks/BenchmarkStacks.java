package cn.minzheng.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.minzheng.devstack.StackSettings;

/** The whole platform as the read and booking benchmarks start it: as {@code ./mz run} does, with production JVMs. */
final class BenchmarkStacks {

    private BenchmarkStacks() {
    }

    /**
     * Free ports and a fresh store under {@code benchmarks/target/stack}; the services and the gateway with the full
     * JIT (C2) instead of the dev run's quick C1, so the code cache grows with it (at 32 MB C2 spent a burst in
     * "CodeCache GC Threshold" full pauses and a read run stayed at a quarter of its speed), and a heap of the given
     * size from the start (grown from 32 MB, the young generation was collected every 100 ms in a burst).
     */
    static StackSettings productionLike(int heapMegabytes) throws IOException {
        Path root = StackSettings.findRoot(Path.of(""));
        StackSettings defaults = StackSettings.forTests(root, Files.createDirectories(root.resolve(
                "benchmarks/target/stack")));
        String javaOptions = StackSettings.DEFAULT_SERVICE_JAVA_OPTIONS.replace("-XX:TieredStopAtLevel=1 ", "")
                .replace("-Xms32m", "-Xms" + heapMegabytes + "m")
                .replace("-Xmx160m", "-Xmx" + heapMegabytes + "m")
                .replace("-XX:ReservedCodeCacheSize=32m", "-XX:ReservedCodeCacheSize=160m");
        return new StackSettings(defaults.root(), defaults.dataDir(), defaults.keycloakHome(), defaults.javaHome(),
                false, defaults.gatewayPort(), defaults.servicePortBase(), defaults.keycloakPort(),
                defaults.kafkaPort(), defaults.kafkaControllerPort(), 0, javaOptions, defaults.keycloakJavaOptions());
    }
}
