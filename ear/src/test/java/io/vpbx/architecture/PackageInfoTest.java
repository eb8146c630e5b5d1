package io.vpbx.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package of production code says what it is for, in a package-info.java (STYLE.md). */
class PackageInfoTest {
    @Test
    void everyProductionPackageHasAPackageInfo() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> missing;
        try (Stream<Path> files = Files.walk(root, 12)) {
            missing =
                    files.filter(p -> p.toString().endsWith(".java"))
                            .filter(p -> p.toString().contains("/src/main/java/"))
                            .filter(p -> !p.toString().contains("/target/"))
                            .map(Path::getParent)
                            .distinct()
                            .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                            .map(dir -> root.relativize(dir).toString())
                            .sorted()
                            .toList();
        }
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }
}
