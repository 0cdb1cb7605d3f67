package school.training.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/** Text the app writes is kept as a key with arguments and reads in the reader's language; typed text is left alone. */
class LocalisedTextTests {

    final StaticMessageSource messages = new StaticMessageSource();
    final LocalisedText localised = new LocalisedText(messages);

    LocalisedTextTests() {
        messages.addMessage("review.title", Locale.SIMPLIFIED_CHINESE, "{0} 考核：{1}");
        messages.addMessage("review.title", Locale.ENGLISH, "{0} review: {1}");
        messages.addMessage("grade.pass", Locale.SIMPLIFIED_CHINESE, "合格");
        messages.addMessage("grade.pass", Locale.ENGLISH, "Pass");
    }

    @Test
    void aKeyWithArgumentsReadsInEachLanguageAndMayHoldAnotherKey() {
        String stored = LocalisedText.of("review.title", "2026 秋", LocalisedText.of("grade.pass"));

        assertThat(localised.read(stored, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026 秋 考核：合格");
        assertThat(localised.read(stored, Locale.ENGLISH)).isEqualTo("2026 秋 review: Pass");
    }

    @Test
    void whatSomeoneTypedIsShownAsItIsAndASeparatorInAnArgumentCannotSplitIt() {
        assertThat(localised.read("第三单元教学反思", Locale.ENGLISH)).isEqualTo("第三单元教学反思");
        assertThat(localised.read(null, Locale.ENGLISH)).isNull();
        assertThat(localised.read(LocalisedText.of("review.title", "a␟b", "c"), Locale.ENGLISH)).isEqualTo("a b review: c");
    }

    @Test
    void anUnknownKeyShowsAsItselfRatherThanFailing() {
        assertThat(localised.read(LocalisedText.of("no.such.key", "x"), Locale.ENGLISH)).isEqualTo("no.such.key");
    }
}
