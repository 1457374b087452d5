package cn.minzheng.portal.layout;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The name a person reads for a field a service's problem names ({@code members[0].idNumber} becomes
 * 家庭成员 1 · 身份证号), for the refusal's summary above the form. Used in templates as {@code @fields}.
 */
@Component("fields")
public class FieldLabels {

    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)]\\.(\\w+)$");
    private final MessageSource messages;

    FieldLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String label(String field) {
        var locale = LocaleContextHolder.getLocale();
        Matcher indexed = INDEXED.matcher(field);
        if (indexed.matches()) {
            String row = messages.getMessage("row." + indexed.group(1),
                    new Object[] {Integer.parseInt(indexed.group(2)) + 1}, indexed.group(1), locale);
            return row + " · " + messages.getMessage("field." + indexed.group(3), null, indexed.group(3), locale);
        }
        if (field.contains(".")) {
            String owner = field.substring(0, field.indexOf('.'));
            String last = field.substring(field.lastIndexOf('.') + 1);
            String name = messages.getMessage("field." + last, null, last, locale);
            String ownerName = messages.getMessage("field." + owner, null, null, locale);
            return ownerName == null ? name : ownerName + " · " + name;
        }
        return messages.getMessage("field." + field, null, field, locale);
    }
}
