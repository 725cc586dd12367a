package io.sentro.sample.seeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.sentro.sample.integrations.DocumentService;
import io.sentro.sample.integrations.GeocodingService;
import io.sentro.sample.integrations.StorageService;
import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionResult;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.error.SentroException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Seed example 4, the real estate platform: addresses geocoded into latitude and longitude, images uploaded to
 * storage, price display fields, and a listing PDF action.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SeedExamplesCondition.class)
class RealEstateCustomizers {

    @Bean
    ModelCustomizer properties(Integrations integrations) {
        var c = new ModelCustomizer("properties");
        c.rename("Property Listings");
        // Text is geocoded; any other value (null, or what another hook put) is written as given, and the API
        // refuses it naming 'address'.
        c.replaceFieldWriting("address", value -> {
            Map<String, Object> written = new HashMap<>();
            written.put("address", value);
            GeocodingService geocoder = integrations.using("geocoder", GeocodingService.class);
            String address = Fields.text(value);
            if (geocoder != null && address != null) {
                geocoder.geocode(address).ifPresent(location -> {
                    written.put("latitude", location.latitude());
                    written.put("longitude", location.longitude());
                });
            }
            return written;
        });
        // A JSON column takes any JSON, so the API would store a string or an object here: the writer itself
        // refuses what is not an array of text (422). Null is written as given: the API refuses it (NOT NULL).
        c.replaceFieldWriting("images", value -> {
            if (value == null) {
                return Collections.singletonMap("images", null);
            }
            if (!(value instanceof List<?> images)) {
                throw new SentroException(422, "'images' must be an array of image URLs or data: URLs");
            }
            StorageService s3 = integrations.using("s3", StorageService.class);
            List<Object> urls = new ArrayList<>();
            for (int i = 0; i < images.size(); i++) {
                if (!(images.get(i) instanceof String image) || image.isBlank()) {
                    throw new SentroException(422, "'images[" + i + "]' must be an image URL or a data: URL");
                }
                try {
                    urls.add(s3 != null ? s3.stored("properties", image) : image);
                }
                catch (IllegalArgumentException ex) {
                    throw new SentroException(422, "'images[" + i + "]' is not a base64 data: URL");
                }
            }
            return Map.of("images", urls);
        });
        c.addDisplayField("formattedPrice", property -> {
            BigDecimal price = Fields.decimal(property.get("price"));
            return price == null ? null : NumberFormat.getCurrencyInstance(Locale.US).format(price);
        });
        c.addDisplayField("pricePerSqft", property -> {
            BigDecimal price = Fields.decimal(property.get("price"));
            Long sqft = Fields.wholeNumber(property.get("sqft"));
            if (price != null && sqft != null && sqft > 0) {
                return "$" + price.divide(BigDecimal.valueOf(sqft), 2, RoundingMode.HALF_UP).toPlainString() + "/sqft";
            }
            return "N/A";
        });
        c.addAction(Action.detail("generate-pdf", "Generate Listing PDF", (request, record, db) -> {
            DocumentService documents = integrations.using("documents", DocumentService.class);
            if (documents == null) {
                return ActionResult.failure("Document rendering is not configured");
            }
            String url = documents.render("listings", record.get("id"), String.valueOf(record.get("title")));
            return ActionResult.success("PDF generated").with("url", url);
        }));
        return c;
    }
}
