package io.sentro.sample.seeds;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.sentro.sample.integrations.DocumentService;
import io.sentro.sample.integrations.StorageService;
import io.sentro.sample.integrations.StripeService;
import io.sentro.spring.customize.Action;
import io.sentro.spring.customize.ActionInput;
import io.sentro.spring.customize.ActionResult;
import io.sentro.spring.customize.Integrations;
import io.sentro.spring.customize.ModelCustomizer;
import io.sentro.spring.customize.Operation;
import io.sentro.spring.error.SentroException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Seed example 2, the e-commerce store: product images uploaded to storage, price and stock display fields, an
 * inventory action, orders with tax display fields, a payment intent on creation and an invoice action.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(SeedExamplesCondition.class)
class ShopCustomizers {

    @Bean
    ModelCustomizer products(Integrations integrations) {
        var c = new ModelCustomizer("products");
        c.rename("Product Catalog");
        // A data: URL is uploaded; any other value (a URL, null, or what another hook put) is written as given, for
        // the API to check against the column.
        c.replaceFieldWriting("image", value -> {
            StorageService s3 = integrations.using("s3", StorageService.class);
            Map<String, Object> written = new HashMap<>();
            try {
                written.put("image", s3 != null ? s3.stored("products", value) : value);
            }
            catch (IllegalArgumentException ex) {
                throw new SentroException(422, "'image' is not a base64 data: URL");
            }
            return written;
        });
        c.addDisplayField("formattedPrice", product -> money(Fields.decimal(product.get("price"))));
        c.addDisplayField("stockStatus", product -> {
            Long stock = Fields.wholeNumber(product.get("stock"));
            return stock == null ? null : stock == 0 ? "Out of Stock" : stock < 10 ? "Low Stock" : "In Stock";
        });
        c.addAction(Action.detail("adjust-inventory", "Adjust Inventory", (request, record, db) -> {
            // The body is the client's JSON, which nothing checked: the action refuses what is not a whole number.
            Long adjustment = Fields.wholeNumber(request.param("adjustment"));
            if (adjustment == null || adjustment < Integer.MIN_VALUE || adjustment > Integer.MAX_VALUE) {
                throw new SentroException(422, "'adjustment' must be a whole number between " + Integer.MIN_VALUE
                        + " and " + Integer.MAX_VALUE);
            }
            Long stock = Fields.wholeNumber(record.get("stock"));
            if (stock == null) {
                return ActionResult.failure("Product " + record.get("id") + " has no stock count");
            }
            long newStock = stock + adjustment;
            if (newStock < 0) {
                return ActionResult.failure("Stock cannot go below zero (it is " + record.get("stock") + ")");
            }
            if (newStock > Integer.MAX_VALUE) {
                return ActionResult.failure("Stock cannot go above " + Integer.MAX_VALUE);
            }
            db.update("products", Map.of("stock", newStock), Map.of("id", record.get("id")));
            return ActionResult.success("Stock adjusted by " + adjustment).with("newStock", newStock);
        }).withInput("adjustment", "Adjustment (units to add, negative to remove)", ActionInput.Kind.INTEGER, true));
        return c;
    }

    @Bean
    ModelCustomizer orders(Integrations integrations) {
        var c = new ModelCustomizer("orders");
        c.rename("Customer Orders");
        c.addDisplayField("totalWithTax", order -> {
            BigDecimal total = Fields.decimal(order.get("total"));
            return total == null ? null : total.multiply(new BigDecimal("1.1")).setScale(2, RoundingMode.HALF_UP);
        });
        c.addDisplayField("formattedTotal", order -> money(Fields.decimal(order.get("total"))));
        c.onAfter(Operation.CREATE, (result, ctx) -> {
            StripeService stripe = integrations.using("stripe", StripeService.class);
            for (Map<String, Object> order : result.rows()) {
                BigDecimal total = Fields.decimal(order.get("total"));
                if (stripe != null && total != null && "pending".equals(order.get("status"))) {
                    long cents = total.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValue();
                    String paymentIntent = stripe.createPaymentIntent(cents, "usd");
                    // The seeds leave this for "a real app"; here the order keeps its payment intent, in the same
                    // transaction, and the response shows it.
                    ctx.db().update("orders", Map.of("payment_intent_id", paymentIntent),
                            Map.of("id", order.get("id")));
                    order.put("payment_intent_id", paymentIntent);
                }
            }
            return result;
        });
        c.addAction(Action.detail("generate-invoice", "Generate Invoice", (request, record, db) -> {
            List<Map<String, Object>> items = db.get("order_items", Map.of("order_id", record.get("id")));
            DocumentService documents = integrations.using("documents", DocumentService.class);
            if (documents == null) {
                return ActionResult.failure("Document rendering is not configured");
            }
            String url = documents.render("invoices", record.get("id"), items.size() + " item(s), total "
                    + money(Fields.decimal(record.get("total"))));
            return ActionResult.success("Invoice generated").with("url", url).with("items", items.size());
        }));
        return c;
    }

    /** The amount as {@code $12.50}; null for none. */
    static String money(BigDecimal amount) {
        return amount == null ? null : "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
