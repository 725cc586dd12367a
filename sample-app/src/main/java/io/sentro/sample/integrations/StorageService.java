package io.sentro.sample.integrations;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.sentro.spring.customize.SentroIntegration;

/**
 * The seeds' S3 integration, in process: decodes {@code data:} URLs, keeps their size, and answers with the URL the
 * object would have ({@code GET /sample/uploads}). Registered in Sentro's integrations as {@code s3}.
 */
public class StorageService implements SentroIntegration {

    /** One stored object. */
    public record Upload(String key, int size, String contentType, String url) {
    }

    private final List<Upload> uploads = new ArrayList<>();

    /** Whether a value is a {@code data:} URL to upload rather than a URL already. */
    public static boolean isDataUrl(Object value) {
        return value instanceof String text && text.startsWith("data:");
    }

    /** The value to store for an image field: a {@code data:} URL is uploaded and becomes its URL; others are kept. */
    public Object stored(String prefix, Object value) {
        return isDataUrl(value) ? upload(prefix, (String) value) : value;
    }

    /**
     * Stores a {@code data:<type>;base64,<bytes>} URL under {@code prefix}, returning its public URL.
     *
     * @throws IllegalArgumentException when the URL holds no base64 data after its comma
     */
    public synchronized String upload(String prefix, String dataUrl) {
        int comma = dataUrl.indexOf(',');
        String header = dataUrl.substring("data:".length(), Math.max(comma, "data:".length()));
        String contentType = header.contains(";") ? header.substring(0, header.indexOf(';')) : header;
        byte[] bytes = Base64.getDecoder().decode(dataUrl.substring(comma + 1));
        String key = prefix + "/" + (uploads.size() + 1) + extension(contentType);
        String url = "https://storage.example.test/" + key;
        uploads.add(new Upload(key, bytes.length, contentType, url));
        return url;
    }

    public synchronized List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    private static String extension(String contentType) {
        return switch (contentType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> ".bin";
        };
    }
}
