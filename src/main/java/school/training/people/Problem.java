package school.training.people;

import java.util.List;

/**
 * Something wrong with what the office typed: the field it belongs to, a message key and its arguments
 * (resolved on the page, in Chinese or English).
 */
public record Problem(String field, String code, List<Object> args) {

    public static Problem of(String field, String code, Object... args) {
        return new Problem(field, code, List.of(args));
    }

    public Object[] arguments() {
        return args.toArray();
    }
}
