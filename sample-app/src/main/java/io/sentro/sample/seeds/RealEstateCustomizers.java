package io.sentro.sample.seeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
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
        c.replaceFieldWriting("address", value -> {
            String address = String.valueOf(value);
            Map<String, Object> written = new HashMap<>();
            written.put("address", address);
            GeocodingService geocoder = integrations.using("geocoder", GeocodingService.class);
            if (geocoder != null) {
                geocoder.geocode(address).ifPresent(location -> {
                    written.put("latitude", location.latitude());
                    written.put("longitude", location.longitude());
                });
            }
            return written;
        });
        c.replaceFieldWriting("images", value -> {
            if (!(value instanceof List<?> images)) {
                throw new SentroException(400, "'images' must be an array of URLs or data: URLs");
            }
            StorageService s3 = integrations.using("s3", StorageService.class);
            List<String> urls = new ArrayList<>();
            for (Object image : images) {
                urls.add(String.valueOf(s3 != null ? s3.stored("properties", image) : image));
            }
            return Map.of("images", urls);
        });
        c.addDisplayField("formattedPrice", property -> NumberFormat.getCurrencyInstance(Locale.US)
                .format(property.get("price")));
        c.addDisplayField("pricePerSqft", property -> {
            int sqft = (Integer) property.get("sqft");
            if (sqft > 0) {
                return "$" + ((BigDecimal) property.get("price")).divide(BigDecimal.valueOf(sqft), 2,
                        RoundingMode.HALF_UP).toPlainString() + "/sqft";
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
