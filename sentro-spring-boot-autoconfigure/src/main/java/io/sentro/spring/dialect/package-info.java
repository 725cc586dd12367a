/**
 * Everything that differs between databases: quoting, pagination, returning written rows, parameter binding, error classification.
 */
@NullMarked
package io.sentro.spring.dialect;

import org.jspecify.annotations.NullMarked;
