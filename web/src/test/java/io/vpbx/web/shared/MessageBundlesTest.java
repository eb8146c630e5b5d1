package io.vpbx.web.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.vpbx.model.audit.AuditAction;
import io.vpbx.model.tenancy.DomainStatus;
import io.vpbx.model.tenancy.PoolRole;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console speaks both languages completely: Russian and English bundles have the same keys,
 * every key a page names exists, and every error key the core can throw has a text, so no user ever
 * sees a raw key.
 */
class MessageBundlesTest {
    private static final Path BUNDLES = Path.of("src/main/resources/io/vpbx/web");

    @Test
    void russianAndEnglishHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en").stringPropertyNames())
                .isEqualTo(load("messages_ru").stringPropertyNames());
        assertThat(load("faces_en").stringPropertyNames())
                .isEqualTo(load("faces_ru").stringPropertyNames());
    }

    @Test
    void everyKeyAPageNamesExists() throws IOException {
        Set<String> keys = load("messages_ru").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Pattern reference = Pattern.compile("msg\\['([A-Za-z0-9.]+)'\\]");
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher m = reference.matcher(Files.readString(page));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (DomainStatus status : DomainStatus.values()) {
            used.add("domainStatus." + status.name());
        }
        for (PoolRole role : PoolRole.values()) {
            used.add("role." + role.name());
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
        assertThat(AuditAction.values()).isNotEmpty();
    }

    @Test
    void everyErrorTheCoreThrowsHasAText() throws IOException {
        Set<String> keys = load("messages_ru").stringPropertyNames();
        Set<String> thrown = new TreeSet<>();
        Pattern errorKey =
                Pattern.compile("\"(error\\.[A-Za-z.]+|login\\.[A-Za-z]+|reset\\.[A-Za-z]+)\"");
        for (Path sources :
                new Path[] {Path.of("../ejb/src/main/java"), Path.of("src/main/java")}) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = errorKey.matcher(Files.readString(file));
                    while (m.find()) {
                        thrown.add(m.group(1));
                    }
                }
            }
        }
        assertThat(thrown).contains("error.login.taken", "error.concurrentEdit");
        assertThat(keys).containsAll(thrown);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in =
                Files.newBufferedReader(
                        BUNDLES.resolve(name + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
