package io.sentro.spring.plan;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * Page cursors ({@code next}, {@code after}): the last row's values of the sort columns, with the table and the
 * sort they belong to, sealed with AES-GCM. A cursor is opaque to clients (it may hold a primary key they cannot
 * see) and tamper-evident: a cursor that was changed, made with another key, or made for another table or sort is
 * refused before any SQL runs.
 */
public final class Cursors {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final JsonMapper json;

    /** @param secret the key material; any length (it is hashed to an AES-128 key) */
    public Cursors(byte[] secret, JsonMapper json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            this.key = new SecretKeySpec(java.util.Arrays.copyOf(digest, 16), "AES");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
        this.json = json;
    }

    /** Cursors sealed with a key made now: they stay valid until the application stops. */
    public static Cursors withRandomKey(JsonMapper json) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new Cursors(secret, json);
    }

    /**
     * The cursor after a row whose values of the sort columns are {@code values}, as text ({@code null} for NULL).
     */
    public String encode(Table table, List<SortOrder> order, List<@Nullable String> values) {
        ArrayNode payload = json.createArrayNode();
        payload.add(table.name());
        payload.add(signature(order));
        values.forEach(payload::add);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(json.writeValueAsBytes(payload));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES/GCM is not available", ex);
        }
    }

    /**
     * The text values a cursor holds, one per sort column; a 400 naming {@code after} when the cursor was not made
     * here with this key, or was made for another table or sort.
     */
    public List<@Nullable String> decode(String cursor, Table table, List<SortOrder> order) {
        JsonNode payload;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length <= IV_BYTES) {
                throw invalid("it is not a cursor of this API");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            payload = json.readTree(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
        }
        catch (IllegalArgumentException | GeneralSecurityException | JacksonException ex) {
            throw invalid("it is not a cursor of this API, or it was changed");
        }
        if (!payload.isArray() || payload.size() != order.size() + 2
                || !table.name().equals(payload.get(0).asString(null))
                || !signature(order).equals(payload.get(1).asString(null))) {
            throw invalid("it was made for another table or sort; send the same sort as the page it came from");
        }
        List<@Nullable String> values = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            JsonNode value = payload.get(i + 2);
            values.add(value.isNull() ? null : value.asString());
        }
        return values;
    }

    private static String signature(List<SortOrder> order) {
        StringBuilder signature = new StringBuilder();
        for (SortOrder item : order) {
            signature.append(signature.isEmpty() ? "" : ",").append(item.descending() ? "-" : "")
                    .append(item.column().name());
        }
        return signature.toString();
    }

    private static SentroException invalid(String why) {
        return new SentroException(ErrorCode.INVALID_CURSOR, "'after' is not a valid cursor: " + why
                + ". Use the 'next' value of a page as it was sent", "after");
    }
}
