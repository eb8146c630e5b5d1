package io.vpbx.model.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallPickupTest {
    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");
    private static final long SALES = 5L;
    private static final long SUPPORT = 6L;

    @Test
    void theCallRingingLongestOnAnotherMemberOfTheGroupIsPicked() {
        List<CallPickup.Ringing> ringing =
                List.of(
                        new CallPickup.Ringing("newer", 2L, SALES, T0.plusSeconds(5)),
                        new CallPickup.Ringing("older", 3L, SALES, T0),
                        new CallPickup.Ringing(
                                "oldest-elsewhere", 4L, SUPPORT, T0.minusSeconds(9)));

        assertThat(CallPickup.choose(1L, SALES, ringing)).contains("older");
    }

    @Test
    void aCallRingingOnThePickerThemselvesIsNotPicked() {
        List<CallPickup.Ringing> ringing =
                List.of(
                        new CallPickup.Ringing("mine", 1L, SALES, T0),
                        new CallPickup.Ringing("colleague", 2L, SALES, T0.plusSeconds(1)));

        assertThat(CallPickup.choose(1L, SALES, ringing)).contains("colleague");
        assertThat(CallPickup.choose(1L, SALES, List.of(ringing.get(0)))).isEmpty();
    }

    @Test
    void nothingIsPickedOutsideTheGroupOrWithoutOne() {
        List<CallPickup.Ringing> ringing =
                List.of(
                        new CallPickup.Ringing("support", 2L, SUPPORT, T0),
                        new CallPickup.Ringing("no group", 3L, null, T0),
                        new CallPickup.Ringing("no user", null, SALES, T0));

        assertThat(CallPickup.choose(1L, SALES, ringing)).isEmpty();
        assertThat(CallPickup.choose(1L, null, ringing)).isEmpty();
        assertThat(CallPickup.choose(null, SALES, ringing)).isEmpty();
        assertThat(CallPickup.choose(1L, SALES, List.of())).isEmpty();
    }

    @Test
    void callsThatStartedRingingTogetherAreChosenByCallIdSoTheChoiceIsStable() {
        List<CallPickup.Ringing> ringing =
                List.of(
                        new CallPickup.Ringing("b", 2L, SALES, T0),
                        new CallPickup.Ringing("a", 3L, SALES, T0));

        assertThat(CallPickup.choose(1L, SALES, ringing)).contains("a");
    }
}
