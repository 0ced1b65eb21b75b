package org.tfeval.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The web is an adapter: every use case goes through the study layer ({@code org.tfeval.study}),
 * which owns the transactions, the audit events and the access rules. No class of the web
 * (templates included) reaches the store, the database server or JDBC on its own.
 */
@AnalyzeClasses(packages = "org.tfeval.web", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule the_web_calls_the_study_layer_never_the_store_or_the_database_server = noClasses()
            .that()
            .resideInAPackage("org.tfeval.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.tfeval.store..", "org.tfeval.pg..")
            .because(
                    "the web calls the study layer (org.tfeval.study) and value types, never the store or the database directly");

    @ArchTest
    static final ArchRule routes_hold_no_connections_or_other_jdbc_types = noClasses()
            .that()
            .resideInAPackage("org.tfeval.web..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("java.sql..")
            .because("transactions run in the study layer's services, not in routes");
}
