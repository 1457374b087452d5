package cn.minzheng.systemtests;

import java.nio.file.Path;

import cn.minzheng.devstack.StackSettings;

/** Paths under the repository root, whichever folder the tests run from. */
final class StackRoot {

    private StackRoot() {
    }

    static Path path(String relative) {
        return StackSettings.findRoot(Path.of("")).resolve(relative);
    }
}
