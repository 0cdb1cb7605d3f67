package school.training.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The name an upload is kept and shown under: safe to show, short enough to store, extension kept. */
class DisplayNameTests {

    @Test
    void anOrdinaryNameStaysAsItIs() {
        assertThat(Attachments.displayName("邀请函 2026.PDF")).isEqualTo("邀请函 2026.PDF");
    }

    @Test
    void onlyTheLastPathSegmentIsKept() {
        assertThat(Attachments.displayName("C:\\Users\\li.na\\Desktop\\通知.pdf")).isEqualTo("通知.pdf");
        assertThat(Attachments.displayName("../../etc/passwd")).isEqualTo("passwd");
    }

    @Test
    void controlCharactersAndDirectionOverridesAreDropped() {
        assertThat(Attachments.displayName("a\u0000b\u001b[31m\u0007.pdf")).isEqualTo("ab[31m.pdf");
        assertThat(Attachments.displayName("line\r\nbreak\t.pdf")).isEqualTo("linebreak.pdf");
        // shows as "invoiceexe.pdf" with the override; without it, what it is
        assertThat(Attachments.displayName("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    }

    @Test
    void nothingLeftGivesAName() {
        assertThat(Attachments.displayName(null)).isEqualTo("file");
        assertThat(Attachments.displayName("\u0000\u0001")).isEqualTo("file");
        assertThat(Attachments.displayName("uploads/..")).isEqualTo("file");
    }

    @Test
    void aLongNameIsShortenedAndKeepsItsExtension() {
        String name = Attachments.displayName("通".repeat(996) + ".pdf");

        assertThat(name).hasSize(Attachments.MAX_NAME_LENGTH).startsWith("通通通").endsWith("通….pdf");
        assertThat(name.length()).isLessThanOrEqualTo(Attachment.FILE_NAME_LENGTH);
    }

    @Test
    void aLongNameNeverEndsInHalfACharacter() {
        String name = Attachments.displayName("😀".repeat(300) + ".jpg");

        assertThat(name.length()).isLessThanOrEqualTo(Attachments.MAX_NAME_LENGTH);
        assertThat(name).endsWith("😀….jpg");
        assertThat(name.codePoints().noneMatch(c -> Character.getType(c) == Character.SURROGATE)).isTrue();
    }

    @Test
    void aLongNameWithoutAnExtensionIsCutToo() {
        assertThat(Attachments.displayName("x".repeat(1000))).hasSize(Attachments.MAX_NAME_LENGTH).endsWith("x…");
    }
}
