package io.sentro.spring.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import io.sentro.spring.schema.Column;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

/**
 * The entity tag of a stored row, for {@code ETag}, {@code If-Match} and {@code If-None-Match}. A table with the
 * version column ({@code sentro.concurrency.version-column}, an integer column Sentro increments on every update) is
 * tagged by its value: {@code "v7"}. Any other row by a strong hash (SHA-256, 128 bits kept) of the stored values of
 * the columns the caller may see, in table order: any change the caller could see changes it, and a column hidden from
 * the caller cannot be guessed from it.
 * <p>
 * The tag is the stored row's, not the response's: display fields, embedded relations and what after hooks add or
 * remove do not enter it, so a GET and a later write compute the same tag for the same stored row.
 */
public final class RowTags {

    private final @Nullable String versionColumn;

    /** @param versionColumn the name of the version column, or null for none */
    public RowTags(@Nullable String versionColumn) {
        this.versionColumn = versionColumn == null || versionColumn.isBlank() ? null : versionColumn;
    }

    /** The table's version column, when it has one of an integer type. */
    public Optional<Column> versionColumn(Table table) {
        if (versionColumn == null) {
            return Optional.empty();
        }
        return table.column(versionColumn).filter(column -> column.kind().isIntegral());
    }

    /**
     * Whether a row read with these columns can be tagged: it holds every column the caller may see (a projection with
     * {@code fields} does not, unless the table has a version column and it was read).
     */
    public boolean canTag(Table table, Map<String, ?> row, Grant grant) {
        Optional<Column> version = versionColumn(table);
        if (version.isPresent()) {
            return row.containsKey(version.get().name());
        }
        for (Column column : table.columns()) {
            if (!grant.hides(column.name()) && !row.containsKey(column.name())) {
                return false;
            }
        }
        return true;
    }

    /** The strong entity tag, quoted, of a stored row as the caller may see it. */
    public String tag(Table table, Map<String, ?> row, Grant grant) {
        Optional<Column> version = versionColumn(table);
        if (version.isPresent()) {
            return "\"v" + row.get(version.get().name()) + "\"";
        }
        MessageDigest digest = sha256();
        for (Column column : table.columns()) {
            if (grant.hides(column.name())) {
                continue;
            }
            digest.update(column.name().getBytes(StandardCharsets.UTF_8));
            Object value = row.get(column.name());
            // A value's kind and text, so that NULL, "" and "null" differ; bytes as base64.
            String text = value == null ? "\u0000" : value.getClass().getSimpleName() + ":"
                    + (value instanceof byte[] bytes ? Base64.getEncoder().encodeToString(bytes)
                            : value instanceof java.math.BigDecimal decimal ? decimal.stripTrailingZeros()
                                    .toPlainString() : String.valueOf(value));
            digest.update((byte) 0x1f);
            digest.update(text.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0x1e);
        }
        byte[] hash = digest.digest();
        return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16)) + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("Every Java platform has SHA-256", ex);
        }
    }
}
