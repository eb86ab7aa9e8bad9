package eu.clustercalls;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.util.FileSystemUtils;

/** The store of a benchmark, a directory under target/, removed before the run opens it so that each starts fresh. */
public final class BenchmarkStore {

    private BenchmarkStore() {
    }

    public static void clear(String directory) {
        try {
            FileSystemUtils.deleteRecursively(Path.of(directory));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot clear " + directory, e);
        }
    }
}
