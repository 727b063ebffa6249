package com.poly.daas.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where deploy/ is, its overlays, and one validator shared by the test classes (loading schemas takes seconds). */
final class Deploy {
    static final Path DIR = Path.of(System.getProperty("daas.deploy.dir", "../deploy")).toAbsolutePath().normalize();
    private static ManifestValidator validator;

    private Deploy() {
    }

    static List<Path> overlays() {
        try (Stream<Path> dirs = Files.list(DIR.resolve("overlays"))) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static synchronized ManifestValidator validator() {
        if (validator == null) {
            validator = new ManifestValidator();
        }
        return validator;
    }

    static Path fixture(String name) {
        return Path.of("src/test/resources/fixtures", name).toAbsolutePath();
    }
}
