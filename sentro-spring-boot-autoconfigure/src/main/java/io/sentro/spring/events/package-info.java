/**
 * Change events: one {@link ChangeEvent} per row that a write created, changed or deleted, recorded in the write's
 * transaction and published after it commits, never when it rolls back ({@link ChangeEvents}).
 */
@NullMarked
package io.sentro.spring.events;

import org.jspecify.annotations.NullMarked;
