package school.training.people;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a roster file, in the template's order. Each is known by its Chinese header (what the
 * template writes), its English header and the {@link StaffDetails} field it fills, so a file exported
 * from another system or typed by hand in English is read too.
 */
enum RosterColumn {
    ID("用户名", "id", "id"), NAME("姓名", "name", "name"), GROUP("教研组", "group", "teachingGroupId"),
    ROLE("角色", "role", "role"), SUBJECT("学科", "subject", "subject"), TITLE("职称", "title", "title"),
    EMPLOYMENT("用工", "employment", "employment"), DEGREE("学历", "degree", "degree"),
    EMAIL("电子邮箱", "email", "email"), PHONE("电话", "phone", "phone"), POST("职务", "post", "post");

    /** Without these two a row cannot name anyone; every other column may be left out of the file. */
    static final List<RosterColumn> REQUIRED = List.of(ID, NAME);

    private final String header;
    private final String englishHeader;
    private final String field;

    RosterColumn(String header, String englishHeader, String field) {
        this.header = header;
        this.englishHeader = englishHeader;
        this.field = field;
    }

    String header() {
        return header;
    }

    /** The field name problems use ({@link Problem#field()}), the same as on the person page. */
    String field() {
        return field;
    }

    /** The message key of the column's name on our pages. */
    public String labelKey() {
        return "roster.column." + name();
    }

    static Optional<RosterColumn> byHeader(String text) {
        String wanted = text == null ? "" : text.strip();
        for (RosterColumn column : values()) {
            if (column.header.equals(wanted) || column.englishHeader.equalsIgnoreCase(wanted)
                    || column.field.equalsIgnoreCase(wanted) || column.name().equalsIgnoreCase(wanted)) {
                return Optional.of(column);
            }
        }
        // "电子邮件", "邮箱", "手机" are what people write when they type the header themselves
        return switch (wanted.toLowerCase(Locale.ROOT)) {
            case "邮箱", "电子邮件", "e-mail" -> Optional.of(EMAIL);
            case "手机", "手机号", "联系电话" -> Optional.of(PHONE);
            case "账号", "user id", "login" -> Optional.of(ID);
            case "teaching group" -> Optional.of(GROUP);
            default -> Optional.empty();
        };
    }

    static Optional<RosterColumn> byField(String field) {
        for (RosterColumn column : values()) {
            if (column.field.equals(field)) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }
}
