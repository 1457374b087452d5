package cn.minzheng.platform.text;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import cn.minzheng.platform.problem.ProblemResponses;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Words {@link Text}s and labels from the bundles: the platform's ({@code minzheng-texts}), then the service's own
 * ({@code texts}). The language is the current request's ({@code Accept-Language}, as for problems), Chinese when
 * there is no request (a listener, a callback to the provincial platform) or the caller asks for neither language.
 * A key missing from the bundles reads as the key itself; each service's contract test keeps the bundles complete.
 */
@Component
public class Texts {

    private final ResourceBundleMessageSource messages = messages();

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames("minzheng-texts", "texts");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        // Arguments are filled with MessageFormat only where there are some; a lone quote stays a quote.
        source.setAlwaysUseMessageFormat(false);
        return source;
    }

    /** The text in the current request's language (Chinese without one). */
    public String word(Text text) {
        return word(text, currentLocale());
    }

    public String word(Text text, Locale locale) {
        return messages.getMessage(text.key(), text.args().toArray(), text.key(), locale);
    }

    /** The text in Chinese, whoever is asking (events, callbacks to the provincial platform). */
    public String inChinese(Text text) {
        return word(text, Locale.SIMPLIFIED_CHINESE);
    }

    /**
     * The text in each language offered, for a message to another service that shows it to people (which cannot
     * word this service's keys itself).
     */
    public Wordings wordings(Text text) {
        return new Wordings(word(text, Locale.SIMPLIFIED_CHINESE), word(text, Locale.ENGLISH));
    }

    /** One text in Chinese and in English. */
    public record Wordings(String chinese, String english) {
    }

    /** A label such as a status's name for people: {@code key} in the current request's language. */
    public String label(String key) {
        return messages.getMessage(key, null, key, currentLocale());
    }

    /** The language of the request being served; Chinese outside one. */
    public static Locale currentLocale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return ProblemResponses.locale(request);
        }
        return Locale.SIMPLIFIED_CHINESE;
    }
}
