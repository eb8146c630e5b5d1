package io.vpbx.sip.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.application.sip.CallRouting;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupCallTest {
    private static final CallRouting.Group SALES = new CallRouting.Group(7L, "Sales", "600");
    private static final CallRouting.Party ANNA = member(11L, 2);
    private static final CallRouting.Party BORIS = member(12L, 1);

    private final Channels channels = new Channels();

    private static CallRouting.Party member(long sipNumberId, int channelLimit) {
        return new CallRouting.Party(
                sipNumberId, sipNumberId + 100, "emp" + sipNumberId, null, "Member", channelLimit);
    }

    private static CallRouting.Device device(CallRouting.Party member, int port) {
        return new CallRouting.Device(
                "sip:" + member.login() + "@127.0.0.1:" + port, "127.0.0.1", port, "UDP", member);
    }

    private static CallRouting.Route route(CallRouting.Device... devices) {
        return new CallRouting.Route(
                CallRouting.Outcome.GROUP, null, List.of(devices), 30, null, SALES);
    }

    private static Call.Leg leg(CallRouting.Party member, int finalStatus) {
        Call.Leg leg = new Call.Leg(null, null, "leg-" + member.sipNumberId(), null);
        leg.member = member;
        leg.finalStatus = finalStatus;
        return leg;
    }

    @Test
    void eachMemberRungHoldsOneChannelWhateverTheNumberOfTheirPhones() {
        GroupCall call =
                GroupCall.start(
                        route(device(ANNA, 5001), device(ANNA, 5002), device(BORIS, 5003)),
                        channels);

        assertThat(call.devices()).hasSize(3);
        assertThat(channels.of(ANNA).get()).isEqualTo(1);
        assertThat(channels.of(BORIS).get()).isEqualTo(1);
        assertThat(call.rings(ANNA.sipNumberId())).isTrue();
    }

    @Test
    void aMemberWhoseChannelsAreAllInUseIsLeftOut() {
        assertThat(channels.acquire(BORIS)).isTrue();

        GroupCall call = GroupCall.start(route(device(ANNA, 5001), device(BORIS, 5003)), channels);

        assertThat(call.devices()).extracting(CallRouting.Device::member).containsExactly(ANNA);
        assertThat(call.rings(BORIS.sipNumberId())).isFalse();
        assertThat(channels.of(BORIS).get()).as("only the other call's").isEqualTo(1);
    }

    @Test
    void whenEveryMemberIsBusyNothingIsRungAndNothingHeld() {
        assertThat(channels.acquire(BORIS)).isTrue();

        GroupCall call = GroupCall.start(route(device(BORIS, 5003)), channels);

        assertThat(call.devices()).isEmpty();
        assertThat(call.rung()).isEmpty();
        assertThat(channels.of(BORIS).get()).isEqualTo(1);
    }

    @Test
    void theAnsweringMemberKeepsTheirChannelAndTheOthersGetTheirsBack() {
        GroupCall call = GroupCall.start(route(device(ANNA, 5001), device(BORIS, 5003)), channels);

        call.answeredBy(BORIS);

        assertThat(channels.of(ANNA).get()).isZero();
        assertThat(channels.of(BORIS).get()).as("now the call's callee channel").isEqualTo(1);
        assertThat(call.rings(ANNA.sipNumberId())).isFalse();
        assertThat(call.rung()).containsExactly(ANNA, BORIS);
    }

    @Test
    void aMemberWhosePhonesAllRefusedGetsTheirChannelBackWhileOthersRing() {
        GroupCall call =
                GroupCall.start(
                        route(device(ANNA, 5001), device(ANNA, 5002), device(BORIS, 5003)),
                        channels);
        Call.Leg desk = leg(ANNA, 486);
        Call.Leg mobile = leg(ANNA, 0);
        Call.Leg boris = leg(BORIS, 0);
        List<Call.Leg> legs = List.of(desk, mobile, boris);

        call.refused(ANNA, legs);
        assertThat(channels.of(ANNA).get()).as("her mobile still rings").isEqualTo(1);
        assertThat(call.stillRinging(legs)).containsExactly(ANNA, BORIS);

        mobile.finalStatus = 603;
        call.refused(ANNA, legs);
        assertThat(channels.of(ANNA).get()).isZero();
        assertThat(call.stillRinging(legs)).containsExactly(BORIS);
    }

    @Test
    void nobodyAnsweringGivesEveryChannelBackOnce() {
        GroupCall call = GroupCall.start(route(device(ANNA, 5001), device(BORIS, 5003)), channels);

        call.releaseAll();
        call.releaseAll();

        assertThat(channels.of(ANNA).get()).isZero();
        assertThat(channels.of(BORIS).get()).isZero();
    }
}
