package io.sentro.sample.integrations;

import java.util.ArrayList;
import java.util.List;

import io.sentro.spring.customize.SentroIntegration;

/**
 * Stands in for the seeds' PDF generation (invoices, listings): records what it rendered and returns the URL the
 * document would have. Registered as {@code documents}.
 */
public class DocumentService implements SentroIntegration {

    private final List<String> rendered = new ArrayList<>();

    public synchronized String render(String kind, Object id, String summary) {
        String url = "https://documents.example.test/" + kind + "/" + id + ".pdf";
        rendered.add(url + " " + summary);
        return url;
    }

    public synchronized List<String> rendered() {
        return List.copyOf(rendered);
    }
}
