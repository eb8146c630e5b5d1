package io.vpbx.model.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ActorRefTest {

    static Stream<Arguments> everyKindOfActor() {
        return Stream.of(
                Arguments.of(ActorRef.operator(4), "O:4"),
                Arguments.of(ActorRef.poolAdmin(3, 7), "P:3:7"),
                Arguments.of(ActorRef.poolAdmin(3, 7).jumpedInto(9), "P:3:7@D:9"),
                Arguments.of(ActorRef.domainUser(9, 12), "D:9:12"),
                Arguments.of(ActorRef.SYSTEM, "S:system"),
                Arguments.of(
                        ActorRef.poolAdmin(Long.MAX_VALUE, 1).jumpedInto(Long.MAX_VALUE),
                        "P:9223372036854775807:1@D:9223372036854775807"));
    }

    @ParameterizedTest
    @MethodSource("everyKindOfActor")
    void principalNameHasTheDocumentedForm(ActorRef actor, String principalName) {
        assertThat(actor.principalName()).isEqualTo(principalName);
    }

    @ParameterizedTest
    @MethodSource("everyKindOfActor")
    void parseReadsBackThePrincipalName(ActorRef actor, String principalName) {
        assertThat(ActorRef.parse(principalName)).isEqualTo(actor);
    }

    @Test
    void jumpedPoolAdminKeepsPoolAndAccountAndGainsTheDomain() {
        ActorRef jumped = ActorRef.parse("P:3:7@D:9");

        assertThat(jumped).isEqualTo(new ActorRef(ActorKind.POOL_ADMIN, 7, 3L, 9L));
        assertThat(jumped.isJumpedPoolAdmin()).isTrue();
    }

    @Test
    void onlyAPoolAdminInsideADomainIsJumped() {
        assertThat(ActorRef.poolAdmin(3, 7).isJumpedPoolAdmin()).isFalse();
        assertThat(ActorRef.domainUser(9, 12).isJumpedPoolAdmin()).isFalse();
        assertThat(ActorRef.operator(1).isJumpedPoolAdmin()).isFalse();
        assertThat(ActorRef.SYSTEM.isJumpedPoolAdmin()).isFalse();
    }

    @Test
    void onlyPoolAdminsJumpIntoDomains() {
        assertThatThrownBy(() -> ActorRef.operator(1).jumpedInto(9))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ActorRef.domainUser(9, 12).jumpedInto(10))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ActorRef.SYSTEM.jumpedInto(9))
                .isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(
            strings = {
                "",
                "anonymous",
                "O:",
                "O:x",
                "O:1 ",
                "o:1",
                "O1",
                "P:1",
                "P:1:",
                "P:1:2:3",
                "P:1:2@D:",
                "P:1:2@D:x",
                "P:1:2@D:9@D:10",
                "P:1:2@X:9",
                "D:x:1",
                "D:1",
                "D:1:2:3",
                "D:1:2@D:3",
                "S:",
                "S:root",
                "S:System",
                "X:1",
                "admin"
            })
    void parseRejectsAnythingThatIsNotAPrincipalName(String name) {
        assertThatThrownBy(() -> ActorRef.parse(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void operatorHasNeitherPoolNorDomain() {
        assertThatThrownBy(() -> new ActorRef(ActorKind.OPERATOR, 1, 3L, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActorRef(ActorKind.OPERATOR, 1, null, 9L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void poolAdminNeedsAPool() {
        assertThatThrownBy(() -> new ActorRef(ActorKind.POOL_ADMIN, 7, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActorRef(ActorKind.POOL_ADMIN, 7, null, 9L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void domainUserNeedsADomainAndNoPool() {
        assertThatThrownBy(() -> new ActorRef(ActorKind.DOMAIN_USER, 12, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActorRef(ActorKind.DOMAIN_USER, 12, 3L, 9L))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void systemHasNoAccountPoolOrDomain() {
        assertThatThrownBy(() -> new ActorRef(ActorKind.SYSTEM, 1, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActorRef(ActorKind.SYSTEM, 0, 3L, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ActorRef(ActorKind.SYSTEM, 0, null, 9L))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ActorRef(ActorKind.SYSTEM, 0, null, null)).isEqualTo(ActorRef.SYSTEM);
    }

    @Test
    void kindIsRequired() {
        assertThatThrownBy(() -> new ActorRef(null, 1, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"O:+1", "P:+3:7", "P:3:+7", "P:3:7@D:+9", "D:+9:12"})
    void parseRejectsExplicitPlusSigns(String name) {
        assertThatThrownBy(() -> ActorRef.parse(name)).isInstanceOf(IllegalArgumentException.class);
    }
}
