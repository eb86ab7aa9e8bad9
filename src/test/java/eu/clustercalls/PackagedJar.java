package eu.clustercalls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The application jar of the package phase, which the tests on separate JVMs (failsafe's *IT) start. */
public final class PackagedJar {

    private PackagedJar() {
    }

    public static Path path() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("clustercalls-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("No application jar in target/: run ./mvnw verify (the "
                            + "tests on the jar run after the package phase)"));
        }
    }
}
