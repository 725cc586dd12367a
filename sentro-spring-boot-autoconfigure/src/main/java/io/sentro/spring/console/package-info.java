/**
 * The data console ({@code sentro.console.enabled}): a browser UI for the people who manage the data, served from
 * the jar at {@code sentro.console.path}. It is a client of Sentro's public HTTP API only (the index, {@code _schema},
 * the table routes, actions), so it can do nothing a client could not, and every rule stays the API's to enforce.
 * {@link ConsoleResources} maps its page and files; {@link ConsolePage} serves the page under a strict
 * Content-Security-Policy.
 */
@NullMarked
package io.sentro.spring.console;

import org.jspecify.annotations.NullMarked;
