package cn.minzheng.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.minzheng.platform.problem.ProblemResponses;
import cn.minzheng.platform.refusal.Refusal;

/**
 * Checks that every refusal the code can give is worded in both languages. It reads the main sources of a service
 * and of the platform for {@code Refusal.<reason>("code" ...)} statements (with their {@code .as("variant")} and
 * {@code Refusal.term("...")}), and the problem bundles from the classpath, and lists what is missing: a title per
 * code, a detail per message key, every term, and the same keys and placeholders in English and Chinese.
 */
public final class ProblemBundles {

    private static final Pattern REFUSAL = Pattern.compile("Refusal\\.(invalid|notFound|forbidden|conflict|rule)\\(\\s*\"([^\"]+)\"");
    private static final Pattern VARIANT = Pattern.compile("\\.as\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern TERM = Pattern.compile("Refusal\\.term\\(\\s*\"([^\"]+)\"(\\s*\\+)?");
    private static final Pattern IDENTIFIER = Pattern.compile("new InvalidIdentifierException\\(KIND, \"([^\"]+)\"|invalid\\(\"([^\"]+)\", \"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    /** The noun an aggregate collection names its records by in a "not found" (a term of the bundles). */
    private static final Pattern COLLECTION_NOUN = Pattern.compile(
            "super\\(mongo, writes, \\w+\\.class, \"[^\"]+\",\\s*\"([^\"]+)\"\\)");

    private ProblemBundles() {
    }

    private static final ProblemResponses WORDS = new ProblemResponses();

    /** A refusal as an English-speaking caller reads it (for unit tests of rules that throw it). */
    public static String english(Refusal refusal) {
        return WORDS.detail(refusal.messageKey(), refusal.code(), refusal.arguments(), Locale.ENGLISH);
    }


    /** What is missing or unequal; empty when the bundles are complete for the given source roots. */
    public static List<String> gaps(Path... sourceRoots) {
        Properties english = load("minzheng-problems.properties", "problems.properties");
        Properties chinese = load("minzheng-problems_zh_CN.properties", "problems_zh_CN.properties");
        List<String> gaps = new ArrayList<>();
        for (Path root : sourceRoots) {
            for (Path file : javaFiles(root)) {
                checkSource(read(file), file.getFileName().toString(), english, chinese, gaps);
            }
        }
        compare(english, chinese, gaps);
        return gaps;
    }

    private static void checkSource(String source, String file, Properties english, Properties chinese,
            List<String> gaps) {
        Matcher refusal = REFUSAL.matcher(source);
        while (refusal.find()) {
            String code = refusal.group(2);
            int end = source.indexOf(';', refusal.end());
            Matcher variant = VARIANT.matcher(source.substring(refusal.end(), end < 0 ? source.length() : end));
            String messageKey = variant.find() ? variant.group(1) : code;
            require("problem." + code + ".title", file, english, chinese, gaps);
            require("problem." + messageKey + ".detail", file, english, chinese, gaps);
        }
        Matcher noun = COLLECTION_NOUN.matcher(source);
        while (noun.find()) {
            require("term." + noun.group(1), file, english, chinese, gaps);
        }
        Matcher term = TERM.matcher(source);
        while (term.find()) {
            String key = "term." + term.group(1);
            if (term.group(2) == null) {
                require(key, file, english, chinese, gaps);
            } else if (english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key))) {
                gaps.add(file + ": no terms " + key + "*");
            }
        }
        if (source.contains("InvalidIdentifierException(KIND")) {
            String kind = constant(source, "KIND");
            Matcher reason = IDENTIFIER.matcher(source);
            while (reason.find()) {
                String key = reason.group(1) != null ? reason.group(1) : reason.group(2);
                if (kind != null && !"KIND".equals(key)) {
                    require("problem." + kind + "." + key + ".detail", file, english, chinese, gaps);
                }
            }
        }
    }

    private static String constant(String source, String name) {
        Matcher m = Pattern.compile(name + " = \"([^\"]+)\"").matcher(source);
        return m.find() ? m.group(1) : null;
    }

    private static void require(String key, String file, Properties english, Properties chinese, List<String> gaps) {
        if (!english.containsKey(key)) {
            gaps.add(file + ": no English " + key);
        }
        if (!chinese.containsKey(key)) {
            gaps.add(file + ": no Chinese " + key);
        }
    }

    static void compare(Properties english, Properties chinese, List<String> gaps) {
        Set<String> keys = new TreeSet<>(english.stringPropertyNames());
        keys.addAll(chinese.stringPropertyNames());
        for (String key : keys) {
            if (!english.containsKey(key) || !chinese.containsKey(key)) {
                gaps.add("only in one language: " + key);
            } else if (!placeholders(english.getProperty(key)).equals(placeholders(chinese.getProperty(key)))) {
                gaps.add("placeholders differ: " + key);
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        PLACEHOLDER.matcher(text).results().forEach(r -> found.add(r.group(1)));
        return found;
    }

    static Properties load(String... names) {
        Properties all = new Properties();
        for (String name : names) {
            try (InputStream in = ProblemBundles.class.getClassLoader().getResourceAsStream(name)) {
                if (in != null) {
                    all.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("no source folder " + root.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
