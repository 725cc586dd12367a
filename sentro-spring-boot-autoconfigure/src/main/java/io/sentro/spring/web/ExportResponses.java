package io.sentro.spring.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.pipeline.ExportRunner.RowSink;
import io.sentro.spring.schema.JsonText;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvGenerator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

import org.springframework.http.MediaType;

/**
 * The bodies of exports: NDJSON (one JSON object per line, each as a page shows its row) and CSV (RFC 4180: a header
 * line, CRLF line ends, fields quoted where they hold a comma, a quote or a line break; NULL an empty field, an empty
 * string {@code ""}), written as the rows arrive and flushed after each batch. A CSV
 * cell that a spreadsheet would run as a formula (text beginning with {@code =}, {@code +}, {@code -}, {@code @}, a
 * tab or a carriage return) is written with a leading {@code '}, as OWASP recommends against CSV injection.
 */
public final class ExportResponses {

    /** What a list answers with: a page of JSON, or every row as NDJSON or CSV. */
    public enum Format {

        JSON("application/json"), NDJSON("application/x-ndjson"), CSV("text/csv");

        private final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String mediaType() {
            return mediaType;
        }

        /**
         * The format a list request asks for: its {@code format} parameter ({@code json}, {@code ndjson},
         * {@code csv}) when it has one, else the most preferred of JSON, NDJSON and CSV in its {@code Accept} header;
         * JSON when it names none of them.
         */
        public static Format of(String @Nullable [] parameter, @Nullable String accept) {
            if (parameter != null) {
                String value = parameter.length == 1 ? parameter[0] : "";
                for (Format format : values()) {
                    if (format.name().toLowerCase(Locale.ROOT).equals(value)) {
                        return format;
                    }
                }
                throw new SentroException(ErrorCode.INVALID_PARAMETER, "format is '" + String.join(",", parameter)
                        + "'; it takes one of json, ndjson, csv", "format");
            }
            // Every list request comes here: an Accept that names neither export type is JSON without parsing it.
            if (accept == null || !mayNameAnExport(accept)) {
                return JSON;
            }
            List<MediaType> accepted;
            try {
                accepted = MediaType.parseMediaTypes(accept);
            }
            catch (IllegalArgumentException ex) {
                return JSON; // an unreadable Accept header gets the default, as Spring MVC does
            }
            Format best = null;
            double bestQuality = 0;
            for (MediaType type : accepted) {
                Format format = type.isCompatibleWith(MediaType.APPLICATION_NDJSON)
                        && !type.isWildcardSubtype() ? NDJSON
                                : type.isCompatibleWith(MediaType.parseMediaType(CSV.mediaType))
                                        && !type.isWildcardSubtype() ? CSV
                                                : type.isCompatibleWith(MediaType.APPLICATION_JSON) ? JSON : null;
                if (format != null && type.getQualityValue() > bestQuality) {
                    best = format;
                    bestQuality = type.getQualityValue();
                }
            }
            return best != null ? best : JSON;
        }
    }

    /** Whether an Accept header may name NDJSON or CSV (media types are case-insensitive). */
    private static boolean mayNameAnExport(String accept) {
        String lower = accept.toLowerCase(Locale.ROOT);
        return lower.contains("csv") || lower.contains("ndjson");
    }

    private final JsonMapper ndjson = JsonMapper.builder(JsonFactory.builder().rootValueSeparator("")
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build()).build();
    private final CsvMapper csv = CsvMapper.builder().enable(CsvWriteFeature.STRICT_CHECK_FOR_QUOTING).build();
    private final JsonMapper json = JsonMapper.builder().build();

    /** Starts the response of an export of {@code table}; nothing is sent until the first rows are written. */
    public RowSink start(HttpServletResponse response, Format format, String table) {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setCharacterEncoding("UTF-8");
        if (format == Format.CSV) {
            response.setContentType("text/csv;charset=UTF-8;header=present");
            response.setHeader("Content-Disposition", "attachment; filename=\"" + table.replaceAll("[^A-Za-z0-9_.-]",
                    "_") + ".csv\"");
            return new CsvRows(response);
        }
        response.setContentType(Format.NDJSON.mediaType());
        return new NdjsonRows(response);
    }

    private final class NdjsonRows implements RowSink {

        private final HttpServletResponse response;
        private @Nullable JsonGenerator generator;

        NdjsonRows(HttpServletResponse response) {
            this.response = response;
        }

        @Override
        public void rows(List<Map<String, @Nullable Object>> rows) {
            JsonGenerator out = generator();
            for (Map<String, @Nullable Object> row : rows) {
                JsonResponses.writeValue(out, row);
                out.writeRaw('\n');
            }
            out.flush();
        }

        @Override
        public void end(List<String> fields) {
            generator().close();
        }

        private JsonGenerator generator() {
            if (generator == null) {
                generator = ndjson.createGenerator(output(response));
            }
            return generator;
        }
    }

    private final class CsvRows implements RowSink {

        private final HttpServletResponse response;
        private @Nullable CsvGenerator generator;
        private List<String> header = List.of();

        CsvRows(HttpServletResponse response) {
            this.response = response;
        }

        @Override
        public void rows(List<Map<String, @Nullable Object>> rows) {
            if (rows.isEmpty()) {
                return;
            }
            // The header is the first row's fields, as the after hooks left them; later rows follow it.
            CsvGenerator out = generator(new ArrayList<>(rows.get(0).keySet()));
            for (Map<String, @Nullable Object> row : rows) {
                out.writeStartArray();
                for (String field : header) {
                    Object value = row.get(field);
                    String cell = value == null ? null : cell(value);
                    if (cell == null) {
                        out.writeNull();
                    }
                    else if (cell.isEmpty()) {
                        out.writeRawValue("\"\""); // quoted, unlike NULL (the generator writes both bare)
                    }
                    else {
                        out.writeString(cell);
                    }
                }
                out.writeEndArray();
            }
            out.flush();
        }

        @Override
        public void end(List<String> fields) {
            if (generator == null) {
                // No row came: the header alone, from the fields as planned.
                CsvGenerator out = generator(fields, false);
                out.writeStartArray();
                for (String field : fields) {
                    out.writeString(field);
                }
                out.writeEndArray();
            }
            generator.close();
        }

        private CsvGenerator generator(List<String> fields) {
            return generator != null ? generator : generator(fields, true);
        }

        private CsvGenerator generator(List<String> fields, boolean withHeader) {
            header = List.copyOf(fields);
            CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(withHeader).setLineSeparator("\r\n");
            header.forEach(schema::addColumn);
            generator = (CsvGenerator) csv.writer(schema.build()).createGenerator(output(response));
            return generator;
        }

        private String cell(Object value) {
            String text;
            if (value instanceof String string) {
                return neutralised(string);
            }
            else if (value instanceof BigDecimal decimal) {
                text = decimal.toPlainString();
            }
            else if (value instanceof JsonText jsonText) {
                text = jsonText.json();
            }
            else if (value instanceof OffsetDateTime dateTime) {
                text = IsoTimes.format(dateTime);
            }
            else if (value instanceof LocalDateTime dateTime) {
                text = IsoTimes.format(dateTime);
            }
            else if (value instanceof LocalDate date) {
                text = IsoTimes.format(date);
            }
            else if (value instanceof LocalTime time) {
                text = IsoTimes.format(time);
            }
            else if (value instanceof byte[] bytes) {
                text = Base64.getEncoder().encodeToString(bytes);
            }
            else if (value instanceof Map<?, ?> || value instanceof java.util.Collection<?>
                    || value instanceof Object[]) {
                text = json.writeValueAsString(value);
            }
            else {
                text = value.toString(); // numbers and booleans, which a spreadsheet reads as what they are
            }
            return text;
        }
    }

    /** Text a spreadsheet would take for a formula, made inert with a leading apostrophe. */
    static String neutralised(String text) {
        if (!text.isEmpty()) {
            char first = text.charAt(0);
            if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
                return "'" + text;
            }
        }
        return text;
    }

    private static OutputStream output(HttpServletResponse response) {
        try {
            return response.getOutputStream();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
