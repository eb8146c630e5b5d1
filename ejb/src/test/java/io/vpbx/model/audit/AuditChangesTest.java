package io.vpbx.model.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditChangesTest {

    @Test
    void noChangesIsAnEmptyArray() {
        AuditChanges changes = AuditChanges.create();

        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.toJson()).isEqualTo("[]");
    }

    @Test
    void setRecordsAValueWithoutBefore() {
        String json = AuditChanges.create().set("name", "Acme").toJson();

        assertThat(json).isEqualTo("[{\"field\":\"name\",\"before\":null,\"after\":\"Acme\"}]");
    }

    @Test
    void setRecordsNonStringValuesAsStrings() {
        String json = AuditChanges.create().set("maxUsers", 50).toJson();

        assertThat(json).isEqualTo("[{\"field\":\"maxUsers\",\"before\":null,\"after\":\"50\"}]");
    }

    @Test
    void setSkipsNullValues() {
        AuditChanges changes = AuditChanges.create().set("phone", null);

        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.toJson()).isEqualTo("[]");
    }

    @Test
    void changedRecordsBeforeAndAfter() {
        String json = AuditChanges.create().changed("displayName", "Old", "New").toJson();

        assertThat(json)
                .isEqualTo("[{\"field\":\"displayName\",\"before\":\"Old\",\"after\":\"New\"}]");
    }

    @Test
    void changedToNothingRecordsNullAfter() {
        String json = AuditChanges.create().changed("phone", "+7 495 1234567", null).toJson();

        assertThat(json)
                .isEqualTo("[{\"field\":\"phone\",\"before\":\"+7 495 1234567\",\"after\":null}]");
    }

    @Test
    void changedWithEqualValuesRecordsNothing() {
        AuditChanges changes =
                AuditChanges.create()
                        .changed("displayName", "Same", "Same")
                        .changed("phone", null, null)
                        .changed("maxUsers", 50, "50");

        assertThat(changes.isEmpty()).isTrue();
        assertThat(changes.toJson()).isEqualTo("[]");
    }

    @Test
    void secretChangedRecordsOnlyTheMask() {
        String json = AuditChanges.create().secretChanged("password").toJson();

        assertThat(json)
                .isEqualTo("[{\"field\":\"password\",\"before\":\"******\",\"after\":\"******\"}]");
        assertThat(AuditChanges.MASK).isEqualTo("******");
    }

    @Test
    void severalChangesAreKeptInOrderAndSeparatedByCommas() {
        String json =
                AuditChanges.create()
                        .set("name", "Acme")
                        .changed("maxUsers", 10, 20)
                        .secretChanged("password")
                        .toJson();

        assertThat(json)
                .isEqualTo(
                        "[{\"field\":\"name\",\"before\":null,\"after\":\"Acme\"},"
                                + "{\"field\":\"maxUsers\",\"before\":\"10\",\"after\":\"20\"},"
                                + "{\"field\":\"password\",\"before\":\"******\",\"after\":\"******\"}]");
    }

    @Test
    void quotesAndBackslashesAreEscaped() {
        String json = AuditChanges.create().set("name", "say \"hi\" to C:\\pbx").toJson();

        assertThat(json)
                .isEqualTo(
                        "[{\"field\":\"name\",\"before\":null,\"after\":\"say \\\"hi\\\" to C:\\\\pbx\"}]");
    }

    @Test
    void newlineCarriageReturnAndTabAreEscaped() {
        String json = AuditChanges.create().set("name", "a\nb\rc\td").toJson();

        assertThat(json)
                .isEqualTo("[{\"field\":\"name\",\"before\":null,\"after\":\"a\\nb\\rc\\td\"}]");
    }

    @Test
    void otherControlCharactersAreEscapedAsUnicode() {
        String json = AuditChanges.create().set("name", "a\u0000b\u001fc\u0008").toJson();

        assertThat(json)
                .isEqualTo(
                        "[{\"field\":\"name\",\"before\":null,"
                                + "\"after\":\"a\\u0000b\\u001fc\\u0008\"}]");
    }

    @Test
    void nonAsciiTextIsKeptAsIs() {
        String json =
                AuditChanges.create().changed("subgroup", "Без группы", "Продажи «Юг»").toJson();

        assertThat(json)
                .isEqualTo(
                        "[{\"field\":\"subgroup\",\"before\":\"Без группы\",\"after\":\"Продажи «Юг»\"}]");
    }

    @Test
    void fieldNamesAreEscapedToo() {
        String json = AuditChanges.create().set("we\"ird", "x").toJson();

        assertThat(json).isEqualTo("[{\"field\":\"we\\\"ird\",\"before\":null,\"after\":\"x\"}]");
    }
}
