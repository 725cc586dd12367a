package io.sentro.sample.integrations;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sentro.spring.customize.SentroIntegration;

/**
 * Stands in for the seeds' Google geocoding call: a deterministic position per address, so the example runs offline
 * and its tests know what to expect. Addresses containing "nowhere" are not found. Registered as {@code geocoder}.
 */
public class GeocodingService implements SentroIntegration {

    /** A position. */
    public record Location(BigDecimal latitude, BigDecimal longitude) {
    }

    private final List<String> lookups = new ArrayList<>();

    public synchronized Optional<Location> geocode(String address) {
        lookups.add(address);
        if (address.toLowerCase().contains("nowhere")) {
            return Optional.empty();
        }
        int hash = address.hashCode();
        BigDecimal latitude = BigDecimal.valueOf((hash % 90_000) / 1000.0).setScale(6, RoundingMode.HALF_UP);
        BigDecimal longitude = BigDecimal.valueOf(((hash / 90_000) % 180_000) / 1000.0).setScale(6, RoundingMode.HALF_UP);
        return Optional.of(new Location(latitude, longitude));
    }

    public synchronized List<String> lookups() {
        return List.copyOf(lookups);
    }
}
