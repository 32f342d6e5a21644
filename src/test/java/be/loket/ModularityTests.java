package be.loket;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold (no cycles, no reaching into another module's internals); docs/modules is regenerated. */
class ModularityTests {
    static final ApplicationModules MODULES = ApplicationModules.of(LoketApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void everyModuleSaysWhatItIsFor() {
        MODULES.forEach(module -> assertThat(Path.of("src/main/java", module.getBasePackage().getName().replace('.', '/'),
                "package-info.java")).as("package-info.java of module %s", module.getIdentifier()).exists());
    }

    @Test
    void writesModuleDocumentation() throws Exception {
        Path fresh = Files.createTempDirectory("modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(fresh.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        Path docs = Files.createDirectories(Path.of("docs/modules"));
        try (Stream<Path> files = Files.list(fresh)) {
            for (Path file : files.toList()) {
                copyUnlessOnlyReordered(file, docs.resolve(file.getFileName()));
            }
        }
        try (Stream<Path> files = Files.list(docs)) {
            assertThat(files.count()).isGreaterThan(MODULES.stream().count());
        }
    }

    /** The Documenter emits lines in hash order; keeping a file whose lines merely moved keeps the docs out of every diff. */
    private static void copyUnlessOnlyReordered(Path file, Path target) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (Files.exists(target)) {
            List<String> old = Files.readAllLines(target);
            if (old.stream().sorted().toList().equals(lines.stream().sorted().toList())) {
                return;
            }
        }
        Files.write(target, lines);
    }
}
