package io.sentro.spring.observe;

import io.sentro.spring.web.RowMeter;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/** Counts rows in Micrometer: {@code sentro.rows.read} and {@code sentro.rows.written}, tagged with the table. */
public final class MicrometerRowMeter implements RowMeter {

    private final Supplier<@Nullable MeterRegistry> registry;

    /** @param registry the application's registry, looked up when rows are first counted; none counts nothing */
    public MicrometerRowMeter(Supplier<@Nullable MeterRegistry> registry) {
        this.registry = registry;
    }

    @Override
    public void read(String table, long rows) {
        count("sentro.rows.read", "Rows the API returned", table, rows);
    }

    @Override
    public void written(String table, long rows) {
        count("sentro.rows.written", "Rows the API created, changed or deleted", table, rows);
    }

    private void count(String name, String description, String table, long rows) {
        MeterRegistry meters = registry.get();
        if (meters != null) {
            Counter.builder(name).description(description).baseUnit("rows").tag("table", table).register(meters)
                    .increment(rows);
        }
    }
}
