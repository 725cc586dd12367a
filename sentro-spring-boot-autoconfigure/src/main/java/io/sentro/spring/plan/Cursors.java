package io.sentro.spring.plan;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.schema.Table;

import org.jspecify.annotations.Nullable;

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
    private final Queue<Cipher> ciphers = new ConcurrentLinkedQueue<>();
    /** The nonce's fixed field, random per instance, so that instances sharing a secret do not share nonces. */
    private final int instance;
    /** The nonce's counter, from a random start: never the same nonce twice in this instance. */
    private final AtomicLong invocations;

    /** @param secret the key material; any length (it is hashed to an AES-128 key) */
    public Cursors(byte[] secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret);
            this.key = new SecretKeySpec(java.util.Arrays.copyOf(digest, 16), "AES");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SHA-256 is not available", ex);
        }
        SecureRandom random = new SecureRandom();
        this.instance = random.nextInt();
        this.invocations = new AtomicLong(random.nextLong());
    }

    /** Cursors sealed with a key made now: they stay valid until the application stops. */
    public static Cursors withRandomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new Cursors(secret);
    }

    /**
     * The cursor after a row whose values of the sort columns are {@code values}, as text ({@code null} for NULL).
     */
    public String encode(Table table, List<SortOrder> order, List<@Nullable String> values) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(payload)) {
            out.writeUTF(table.name());
            out.writeUTF(signature(order));
            out.writeShort(values.size());
            for (String value : values) {
                out.writeBoolean(value != null);
                if (value != null) {
                    out.writeUTF(value);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        byte[] sealed = new byte[IV_BYTES + payload.size() + TAG_BITS / 8];
        iv(sealed);
        Cipher cipher = cipher();
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.doFinal(payload.toByteArray(), 0, payload.size(), sealed, IV_BYTES);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES/GCM failed", ex);
        }
        finally {
            ciphers.offer(cipher);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /**
     * The text values a cursor holds, one per sort column; a 400 naming {@code after} when the cursor was not made
     * here with this key, or was made for another table or sort.
     */
    public List<@Nullable String> decode(String cursor, Table table, List<SortOrder> order) {
        byte[] payload;
        Cipher cipher = null;
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length <= IV_BYTES + TAG_BITS / 8) {
                throw invalid("it is not a cursor of this API");
            }
            cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            payload = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
        }
        catch (IllegalArgumentException | GeneralSecurityException ex) {
            throw invalid("it is not a cursor of this API, or it was changed");
        }
        finally {
            if (cipher != null) {
                ciphers.offer(cipher);
            }
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload))) {
            if (!table.name().equals(in.readUTF()) || !signature(order).equals(in.readUTF())
                    || in.readShort() != order.size()) {
                throw invalid("it was made for another table or sort; send the same sort as the page it came from");
            }
            List<@Nullable String> values = new ArrayList<>(order.size());
            for (int i = 0; i < order.size(); i++) {
                values.add(in.readBoolean() ? in.readUTF() : null);
            }
            return values;
        }
        catch (IOException ex) {
            throw invalid("it is not a cursor of this API");
        }
    }

    /**
     * The nonce at the start of {@code sealed}, which AES-GCM must never see twice under one key: a fixed field
     * random per instance and an invocation counter (NIST SP 800-38D, 8.2.1), cheaper under load than asking the
     * system's random source for every cursor.
     */
    private void iv(byte[] sealed) {
        ByteBuffer.wrap(sealed, 0, IV_BYTES).putInt(instance).putLong(invocations.getAndIncrement());
    }

    /** A cipher of the pool: making one looks its provider up, which costs more than sealing a cursor. */
    private Cipher cipher() {
        Cipher cipher = ciphers.poll();
        if (cipher != null) {
            return cipher;
        }
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES/GCM is not available", ex);
        }
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
