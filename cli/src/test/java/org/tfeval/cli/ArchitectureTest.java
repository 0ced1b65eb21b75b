package org.tfeval.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The adapters reach the workflow only through the {@code study} application layer: no class of the
 * command line or the web application depends on the store or the database server.
 */
class ArchitectureTest {
    static final JavaClasses ADAPTERS = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tfeval.cli", "org.tfeval.web");

    @Test
    void adapters_do_not_depend_on_the_store_or_the_database_server() {
        noClasses().that().resideInAnyPackage("org.tfeval.cli..", "org.tfeval.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.tfeval.store..", "org.tfeval.pg..")
                .because("cli and web call the study layer (org.tfeval.study), which owns every precondition of the workflow")
                .check(ADAPTERS);
    }

    @Test
    void the_rule_sees_the_adapters_it_guards() {
        org.assertj.core.api.Assertions.assertThat(ADAPTERS.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("org.tfeval.cli")).anyMatch(p -> p.startsWith("org.tfeval.web"));
    }
}
