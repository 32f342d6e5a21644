package be.loket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        assertThat(Files.list(Path.of("docs/modules")).count()).isGreaterThan(MODULES.stream().count());
    }
}
