package cn.minzheng.devstack.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a process's resident set size from /proc; 0 where /proc does not exist (not Linux). */
public final class ResidentMemory {

    private ResidentMemory() {
    }

    public static long kilobytes(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    public static long selfMegabytes() {
        return kilobytes(ProcessHandle.current().pid()) / 1024;
    }
}
