package io.sentro.sample.integrations;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.sentro.spring.customize.SentroIntegration;

/**
 * The seeds' Stripe integration, in process: returns made-up ids and records every call ({@code GET /sample/stripe}).
 * Registered in Sentro's integrations as {@code stripe}.
 */
public class StripeService implements SentroIntegration {

    /** One call, e.g. {@code createCustomer billing@x.example}. */
    public record Call(String operation, String subject, String result) {
    }

    private final List<Call> calls = new ArrayList<>();

    public synchronized String createPaymentIntent(long amountInCents, String currency) {
        return record("createPaymentIntent", amountInCents + " " + currency, "pi_");
    }

    public synchronized String createCustomer(String email, String name) {
        return record("createCustomer", email + " (" + name + ")", "cus_");
    }

    public synchronized String createSubscription(String customerId, String planId) {
        return record("createSubscription", customerId + " -> " + planId, "sub_");
    }

    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    private String record(String operation, String subject, String prefix) {
        String id = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
        calls.add(new Call(operation, subject, id));
        return id;
    }
}
