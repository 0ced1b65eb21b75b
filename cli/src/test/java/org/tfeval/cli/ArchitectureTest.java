package org.tfeval.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The command line reaches the workflow only through the {@code study} application layer: no class
 * of it depends on the store or the database server (the web module's own ArchitectureTest holds the
 * web application to the same rule).
 */
class ArchitectureTest {
    static final JavaClasses ADAPTERS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tfeval.cli");

    @Test
    void commands_do_not_depend_on_the_store_or_the_database_server() {
        noClasses()
                .that()
                .resideInAPackage("org.tfeval.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.tfeval.store..", "org.tfeval.pg..")
                .because(
                        "cli and web call the study layer (org.tfeval.study), which owns every precondition of the workflow")
                .check(ADAPTERS);
    }

    @Test
    void the_rule_sees_the_commands_it_guards() {
        org.assertj.core.api.Assertions.assertThat(ADAPTERS.stream().map(c -> c.getSimpleName()))
                .contains("Tfeval", "RunCommand", "ServeCommand");
    }
}
