/**
 * The web application for coding case files: a small Javalin server with jte templates and htmx,
 * served on localhost by {@code tfeval serve}. This package holds the route table (every route
 * with the access it requires), the security around every request (allowed Host names and the
 * trusted proxy's forwarded headers in {@code Forwarding}; sessions, CSRF, the forced password
 * change and the refusal of NUL characters in {@code Guard}; headers),
 * the one mapping of problems to HTTP statuses ({@code Failures}) and page rendering; the features
 * live in the sub-packages. Every use case (its transaction, audit event and task-force scope)
 * is a call into the study layer ({@code org.tfeval.study}); nothing here touches the store. The server evaluates everything (skip logic, validation, access): the browser
 * only shows what it returns.
 */
package org.tfeval.web;
