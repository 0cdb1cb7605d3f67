package school.training.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Text the app writes for people to read later (an archive entry's title, a notification's grade) kept as a
 * message key with its arguments, so it reads in the language of whoever opens it, not in the language of the
 * moment it was written. Stored as {@code ⟦key␟arg␟arg⟧}; an argument may itself be such a text (a grade inside
 * a title). Anything else, e.g. what a teacher typed, is shown as it is.
 *
 * In templates: {@code ${@localisedText.read(entry.title)}}.
 */
@Component("localisedText")
public class LocalisedText {

    private static final String OPEN = "⟦";
    private static final String CLOSE = "⟧";
    private static final String SEPARATOR = "␟";

    private final MessageSource messages;

    LocalisedText(MessageSource messages) {
        this.messages = messages;
    }

    /** The stored form of a message with its arguments (numbers and dates as plain strings). */
    public static String of(String key, Object... args) {
        return OPEN + Stream.concat(Stream.of(key), Arrays.stream(args).map(a -> a == null ? "" : a.toString()
                .replace(SEPARATOR, " "))).collect(Collectors.joining(SEPARATOR)) + CLOSE;
    }

    public static boolean isLocalised(String stored) {
        return stored != null && stored.startsWith(OPEN) && stored.endsWith(CLOSE);
    }

    /** In the language of the current request (or the school's default outside one). */
    public String read(String stored) {
        return read(stored, LocaleContextHolder.getLocale());
    }

    public String read(String stored, Locale locale) {
        if (!isLocalised(stored)) {
            return stored;
        }
        String body = stored.substring(OPEN.length(), stored.length() - CLOSE.length());
        // split on separators outside nested texts
        java.util.List<String> parts = new java.util.ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            if (body.startsWith(OPEN, i)) {
                depth++;
            } else if (body.startsWith(CLOSE, i)) {
                depth--;
            } else if (depth == 0 && body.startsWith(SEPARATOR, i)) {
                parts.add(part.toString());
                part.setLength(0);
                continue;
            }
            part.append(body.charAt(i));
        }
        parts.add(part.toString());
        Object[] args = parts.subList(1, parts.size()).stream().map(arg -> read(arg, locale)).toArray();
        return messages.getMessage(parts.get(0), args, parts.get(0), locale);
    }
}
