package cn.minzheng.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.LoggerFactory;

/** Where a benchmark's report goes: a file under benchmarks/target/ and the console. */
final class Reports {

    private Reports() {
    }

    static void write(String file, CharSequence report) throws IOException {
        Path out = Path.of("benchmarks/target", file);
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LoggerFactory.getLogger("benchmark.report").info("\n{}", report);
    }
}
