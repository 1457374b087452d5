package cn.minzheng.testsupport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the texts a service stores or labels for people to read (platform {@code Text}, {@code Texts}): every key
 * the main sources name ({@code Text.of("key", ...)}, {@code texts.label("prefix." + ...)}) is in the {@code texts}
 * bundles in English and Chinese, both bundles have the same keys, and no Chinese phrase carries
 * English words (the Chinese bundle is what a clerk reads by default).
 */
public final class TextBundles {

    private static final Pattern TEXT = Pattern.compile("Text\\.of\\(\\s*\"([^\"]+)\"");
    private static final Pattern LABEL = Pattern.compile("\\.label\\(\\s*\"([^\"]+)\"(\\s*\\+)?");
    /** An English word: two or more Latin letters, outside a placeholder. */
    private static final Pattern ENGLISH_WORD = Pattern.compile("[A-Za-z]{2,}");

    private TextBundles() {
    }

    /** What is missing, unequal or English in Chinese; empty when the bundles are complete and Chinese is Chinese. */
    public static List<String> gaps(Path... sourceRoots) {
        Properties english = ProblemBundles.load("minzheng-texts.properties", "texts.properties");
        Properties chinese = ProblemBundles.load("minzheng-texts_zh_CN.properties", "texts_zh_CN.properties");
        List<String> gaps = new ArrayList<>();
        for (Path root : sourceRoots) {
            for (Path file : ProblemBundles.javaFiles(root)) {
                String source = ProblemBundles.read(file);
                String name = file.getFileName().toString();
                Matcher text = TEXT.matcher(source);
                while (text.find()) {
                    require(text.group(1), name, english, chinese, gaps);
                }
                Matcher label = LABEL.matcher(source);
                while (label.find()) {
                    String key = label.group(1);
                    if (label.group(2) == null) {
                        require(key, name, english, chinese, gaps);
                    } else if (chinese.stringPropertyNames().stream().noneMatch(k -> k.startsWith(key))) {
                        gaps.add(name + ": no texts " + key + "*");
                    }
                }
            }
        }
        // Keys alike in both languages; placeholders may differ (a text may carry its words in each language and
        // each bundle picks its own, as funeral does with another office's report).
        java.util.Set<String> keys = new java.util.TreeSet<>(english.stringPropertyNames());
        keys.addAll(chinese.stringPropertyNames());
        keys.stream().filter(k -> !english.containsKey(k) || !chinese.containsKey(k))
                .forEach(k -> gaps.add("only in one language: " + k));
        chinese.stringPropertyNames().stream().sorted().forEach(key -> {
            String words = chinese.getProperty(key).replaceAll("\\{\\d+}", "");
            if (ENGLISH_WORD.matcher(words).find()) {
                gaps.add("English in the Chinese text " + key + ": " + chinese.getProperty(key));
            }
        });
        return gaps;
    }

    private static void require(String key, String file, Properties english, Properties chinese, List<String> gaps) {
        if (!english.containsKey(key)) {
            gaps.add(file + ": no English text " + key);
        }
        if (!chinese.containsKey(key)) {
            gaps.add(file + ": no Chinese text " + key);
        }
    }
}
