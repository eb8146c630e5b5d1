package io.vpbx.model.tenancy;

import static io.vpbx.model.tenancy.EntityIds.withId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vpbx.model.media.AudioFile;
import io.vpbx.model.media.AudioKind;
import io.vpbx.model.shared.RuleViolation;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** MOH-1: a domain plays one of its own music files, or the built-in music. */
class DomainMusicOnHoldTest {
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");

    private final Domain domain =
            withId(
                    new Domain(
                            new SipDomainName("office.acme.ru"),
                            "Acme",
                            "Acme Ltd",
                            new AppId("12345678"),
                            null,
                            null,
                            new DomainLimits(50, 10),
                            NOW),
                    7);

    private static AudioFile file(long id, long domainId, AudioKind kind) {
        return withId(new AudioFile(domainId, kind, "Oblaka", "Oblaka.wav", 1000, 16044, NOW), id);
    }

    @Test
    void aDomainStartsWithTheBuiltInMusicAndChoosesItsOwn() {
        assertThat(domain.musicOnHoldId()).isNull();

        domain.chooseMusicOnHold(file(3, 7, AudioKind.MUSIC));
        assertThat(domain.musicOnHoldId()).isEqualTo(3);

        domain.chooseMusicOnHold(null);
        assertThat(domain.musicOnHoldId()).isNull();
    }

    @Test
    void anotherDomainsFileOrAGreetingCannotBeTheMusic() {
        assertThatThrownBy(() -> domain.chooseMusicOnHold(file(3, 8, AudioKind.MUSIC)))
                .isInstanceOf(RuleViolation.class)
                .hasMessage("error.audio.notMusic");
        assertThatThrownBy(() -> domain.chooseMusicOnHold(file(4, 7, AudioKind.GREETING)))
                .isInstanceOf(RuleViolation.class);
        assertThat(domain.musicOnHoldId()).isNull();
    }
}
