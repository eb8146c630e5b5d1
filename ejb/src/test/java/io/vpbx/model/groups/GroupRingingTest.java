package io.vpbx.model.groups;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.model.groups.GroupRinging.Decision;
import io.vpbx.model.groups.GroupRinging.Member;
import io.vpbx.model.groups.GroupRinging.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupRingingTest {
    private static final long ANNA = 1L;
    private static final long BORIS = 2L;
    private static final long VERA = 3L;

    private static Member reachable(long userId, int ringSeconds) {
        return new Member(userId, true, false, true, ringSeconds);
    }

    @Test
    void allSimultaneousRingsEveryReachableMemberInMembershipOrderForTheLongestRingTime() {
        Decision d =
                GroupRinging.decide(
                        DistributionAlgorithm.ALL_SIMULTANEOUS,
                        List.of(reachable(VERA, 20), reachable(ANNA, 45), reachable(BORIS, 30)),
                        null);

        assertThat(d.outcome()).isEqualTo(Outcome.RING);
        assertThat(d.ring()).extracting(Member::userId).containsExactly(VERA, ANNA, BORIS);
        assertThat(d.ringSeconds()).isEqualTo(45);
    }

    @Test
    void disabledAbsentAndUnregisteredMembersAreSkippedAndTheirRingTimeDoesNotCount() {
        Decision d =
                GroupRinging.decide(
                        DistributionAlgorithm.ALL_SIMULTANEOUS,
                        List.of(
                                new Member(ANNA, false, false, true, 90),
                                new Member(BORIS, true, true, true, 80),
                                new Member(VERA, true, false, false, 70),
                                reachable(4L, 25)),
                        null);

        assertThat(d.outcome()).isEqualTo(Outcome.RING);
        assertThat(d.ring()).extracting(Member::userId).containsExactly(4L);
        assertThat(d.ringSeconds()).isEqualTo(25);
    }

    @Test
    void aCallerWhoIsAMemberDoesNotRingThemselves() {
        Decision d =
                GroupRinging.decide(
                        DistributionAlgorithm.ALL_SIMULTANEOUS,
                        List.of(reachable(ANNA, 30), reachable(BORIS, 30)),
                        ANNA);

        assertThat(d.ring()).extracting(Member::userId).containsExactly(BORIS);
    }

    @Test
    void theCallerAsTheOnlyReachableMemberLeavesNobodyToRing() {
        Decision d =
                GroupRinging.decide(
                        DistributionAlgorithm.ALL_SIMULTANEOUS,
                        List.of(reachable(ANNA, 30), new Member(BORIS, true, false, false, 30)),
                        ANNA);

        assertThat(d).isEqualTo(new Decision(Outcome.NOBODY_REACHABLE, List.of(), 0));
    }

    @Test
    void aGroupWithoutMembersReachesNobody() {
        assertThat(GroupRinging.decide(DistributionAlgorithm.ALL_SIMULTANEOUS, List.of(), 7L))
                .isEqualTo(new Decision(Outcome.NOBODY_REACHABLE, List.of(), 0));
    }

    @Test
    void notSetRingsNobodyEvenWithReachableMembers() {
        assertThat(
                        GroupRinging.decide(
                                DistributionAlgorithm.NOT_SET,
                                List.of(reachable(ANNA, 30), reachable(BORIS, 30)),
                                null))
                .isEqualTo(new Decision(Outcome.NOT_SET, List.of(), 0));
    }
}
