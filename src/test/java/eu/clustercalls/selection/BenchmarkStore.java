package eu.clustercalls.selection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The embedded H2 store of a benchmark, a file under target/, removed before Spring opens it so that each run starts fresh. */
final class BenchmarkStore {

    private BenchmarkStore() {
    }

    static void clear(String directory) {
        Path store = Path.of(directory);
        if (Files.exists(store)) {
            try (Stream<Path> files = Files.walk(store)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot clear " + store, e);
            }
        }
    }
}
