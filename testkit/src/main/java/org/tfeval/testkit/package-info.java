/** Test support shared by modules: a real embedded PostgreSQL per test JVM with a fresh database per test. */
package org.tfeval.testkit;
