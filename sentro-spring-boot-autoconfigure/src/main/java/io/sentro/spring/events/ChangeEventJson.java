package io.sentro.spring.events;

import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A change event as JSON, the same wherever it leaves the application: the outbox's payload, a broker's message.
 * Row values are JSON values (dates and times as ISO-8601 strings, binary as Base64).
 */
public final class ChangeEventJson {

    private final ObjectWriter writer;
    private final ObjectReader reader;

    public ChangeEventJson() {
        JsonMapper json = JsonMapper.builder().build();
        this.writer = json.writerFor(ChangeEvent.class);
        this.reader = json.readerFor(ChangeEvent.class);
    }

    public String write(ChangeEvent event) {
        return writer.writeValueAsString(event);
    }

    public ChangeEvent read(String json) {
        return reader.readValue(json);
    }
}
