package io.sentro.spring.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.sentro.spring.error.ErrorCode;
import io.sentro.spring.events.ChangeEvent;
import io.sentro.spring.events.ChangeEventJson;
import io.sentro.spring.events.Outbox;
import io.sentro.spring.error.SentroException;
import io.sentro.spring.plan.Grant;
import io.sentro.spring.schema.Table;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.SmartLifecycle;

/**
 * Live change events over Server-Sent Events ({@code GET {base}/T/_changes}): each subscriber gets the events of its
 * table that its access allows, as they are published after their commits. A subscriber sees what a read of the
 * table would show it: columns hidden from it are left out, and with a row scope only the events of rows in its
 * scope come (a tenant sees its own rows' changes). Frames go out from a small pool of writers, each subscriber's in
 * order; a subscriber that falls too far behind is disconnected rather than slowing anyone. A comment every
 * {@code heartbeat} keeps idle connections (and proxies) open; the number of subscribers is bounded.
 */
public final class ChangeStreams implements ApplicationListener<PayloadApplicationEvent<ChangeEvent>>, SmartLifecycle {

    /** How many frames may wait for a slow subscriber before it is disconnected. */
    private static final int BACKLOG = 1000;

    /** How many missed events a resumed stream is sent at most. */
    private static final int RESUME_LIMIT = 10_000;

    private final int maxSubscribers;
    private final Duration heartbeat;
    private final java.util.function.Supplier<@Nullable Outbox> outbox;
    private final ChangeEventJson json = new ChangeEventJson();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    /** Streams whose client left, until the container ends their requests (or, at the latest, until shutdown). */
    private final Set<Subscriber> leaving = ConcurrentHashMap.newKeySet();
    private @Nullable ExecutorService writers;
    private @Nullable ScheduledExecutorService heartbeats;

    /**
     * @param outbox where a stream resumed with {@code Last-Event-ID} finds the events it missed (they are kept for
     * {@code sentro.events.outbox.retention}); without it, streams are live only
     */
    public ChangeStreams(int maxSubscribers, Duration heartbeat, java.util.function.Supplier<@Nullable Outbox> outbox) {
        this.outbox = outbox;
        if (maxSubscribers < 1 || heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalStateException("sentro.events.sse: max-subscribers must be 1 or more, heartbeat positive");
        }
        this.maxSubscribers = maxSubscribers;
        this.heartbeat = heartbeat;
    }

    /**
     * Opens a stream of the table's events for a request that access control allowed to read it ({@code grant}).
     *
     * @throws SentroException 503 when the streams are all taken
     */
    public void subscribe(Table table, Grant grant, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ExecutorService pool = writers;
        if (pool == null) {
            throw new SentroException(ErrorCode.TOO_MANY_SUBSCRIBERS, "Change streams are not running");
        }
        if (subscribers.size() >= maxSubscribers) {
            throw new SentroException(ErrorCode.TOO_MANY_SUBSCRIBERS, "All " + maxSubscribers + " change streams are "
                    + "taken (sentro.events.sse.max-subscribers); try again later").withHeaders(Map.of("Retry-After",
                            "10"));
        }
        // Everything that can refuse the request is decided before it goes asynchronous.
        Long resumeAfter = lastEventId(request);
        Outbox box = outbox.get();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Accel-Buffering", "no");
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        boolean resuming = resumeAfter != null && box != null;
        Subscriber subscriber = new Subscriber(table.name(), grant, async, response.getWriter(), pool, resuming);
        async.addListener(subscriber);
        subscribers.add(subscriber);
        // The first bytes tell the client (and any proxy) the stream is open.
        subscriber.offer(": sentro change stream of " + table.name() + "\n\n");
        if (resumeAfter != null && box == null) {
            subscriber.offer(": Last-Event-ID ignored: resuming needs sentro.events.outbox.enabled\n\n");
        }
        if (resuming) {
            // Live events that commit meanwhile wait, so that the missed ones go first and none goes twice.
            List<ChangeEvent> missed;
            try {
                missed = box.since(table.name(), resumeAfter, RESUME_LIMIT);
            }
            catch (RuntimeException ex) {
                // The stream is open already: it goes on live, and says it could not resume.
                subscriber.offer(": could not resume from the outbox; live events only\n\n");
                missed = List.of();
            }
            subscriber.resume(missed);
        }
    }

    private static @Nullable Long lastEventId(HttpServletRequest request) {
        String id = request.getHeader("Last-Event-ID");
        if (id == null || id.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(id.trim());
        }
        catch (NumberFormatException ex) {
            throw new SentroException(ErrorCode.INVALID_PARAMETER, "Last-Event-ID is '" + id + "': a change stream "
                    + "resumes from the id of an event it sent (a number)", "Last-Event-ID");
        }
    }

    private String frame(ChangeEvent event) {
        return "id: " + (event.sequence() != null ? event.sequence() : event.id()) + "\nevent: " + event.operation()
                + "\ndata: " + json.write(event) + "\n\n";
    }

    /**
     * Fans a committed event out to the subscribers of its table that may see it. The subscribers that see it whole
     * (nothing hidden from them) share one frame, written once.
     */
    @Override
    public void onApplicationEvent(PayloadApplicationEvent<ChangeEvent> published) {
        SharedFrame shared = new SharedFrame(published.getPayload());
        for (Subscriber subscriber : subscribers) {
            if (subscriber.table.equals(shared.event.table())) {
                subscriber.deliver(shared, false);
            }
        }
    }

    /** An event, and its frame once a subscriber needed it. */
    private final class SharedFrame {

        private final ChangeEvent event;
        private @Nullable String text;

        SharedFrame(ChangeEvent event) {
            this.event = event;
        }

        synchronized String text() {
            if (text == null) {
                text = frame(event);
            }
            return text;
        }
    }

    /** How many streams are open. */
    public int subscribers() {
        return subscribers.size();
    }

    @Override
    public void start() {
        writers = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "sentro-change-streams");
            thread.setDaemon(true);
            return thread;
        });
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sentro-change-heartbeats");
            thread.setDaemon(true);
            return thread;
        });
        beats.scheduleAtFixedRate(() -> subscribers.forEach(subscriber -> subscriber.offer(": heartbeat\n\n")),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        heartbeats = beats;
    }

    @Override
    public void stop() {
        subscribers.forEach(Subscriber::close);
        // A request the container never ended (it did not notice its client leave) would hold a graceful shutdown.
        leaving.forEach(Subscriber::close);
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
        if (writers != null) {
            writers.shutdownNow();
        }
        heartbeats = null;
        writers = null;
    }

    @Override
    public boolean isRunning() {
        return writers != null;
    }

    /** One open stream: its filter, its frames waiting, and the one writer draining them at a time. */
    private final class Subscriber implements AsyncListener {

        private final String table;
        private final Grant grant;
        private final AsyncContext async;
        private final PrintWriter out;
        private final ExecutorService pool;
        private final Deque<String> frames = new ArrayDeque<>();
        private final List<SharedFrame> held = new java.util.ArrayList<>();
        private boolean draining;
        private boolean replaying;
        private long lastSequence = -1;
        private volatile boolean closed;
        /** Held while a frame is written, and by the container's callbacks that end the request. */
        private final Object writing = new Object();
        /** Whether the container ended the request; guarded by {@code writing}. */
        private boolean ended;

        Subscriber(String table, Grant grant, AsyncContext async, PrintWriter out, ExecutorService pool,
                boolean replaying) {
            this.replaying = replaying;
            this.table = table;
            this.grant = grant;
            this.async = async;
            this.out = out;
            this.pool = pool;
        }

        /**
         * Sends an event this subscriber may see, once: an event of the outbox at or before the last one sent is not
         * sent again. While missed events are replayed, live ones wait.
         */
        synchronized void deliver(SharedFrame shared, boolean replayed) {
            if (replaying && !replayed) {
                held.add(shared);
                return;
            }
            ChangeEvent event = shared.event;
            Long sequence = event.sequence();
            if (sequence != null) {
                if (sequence <= lastSequence) {
                    return;
                }
                lastSequence = sequence;
            }
            ChangeEvent visible = visible(event);
            if (visible != null) {
                offer(visible == event ? shared.text() : frame(visible));
            }
        }

        synchronized void resume(List<ChangeEvent> missed) {
            missed.forEach(event -> deliver(new SharedFrame(event), true));
            replaying = false;
            held.forEach(waiting -> deliver(waiting, false));
            held.clear();
        }

        /** The event as this subscriber may see it, or null when its row is outside the subscriber's scope. */
        @Nullable ChangeEvent visible(ChangeEvent event) {
            if (grant.noRows()) {
                return null;
            }
            Map<String, @Nullable Object> row = event.after() != null ? event.after() : event.before();
            for (Grant.ScopedColumn scoped : grant.scope()) {
                Object value = row == null ? null : row.get(scoped.column());
                if (value == null || scoped.allowedValues().stream()
                        .noneMatch(allowed -> String.valueOf(allowed).equals(String.valueOf(value)))) {
                    return null;
                }
            }
            return grant.hiddenColumns().isEmpty() ? event : event.withRows(
                    event.before() == null ? null : grant.strip(event.before()),
                    event.after() == null ? null : grant.strip(event.after()));
        }

        void offer(String frame) {
            boolean start;
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (frames.size() >= BACKLOG) {
                    closed = true;
                    frames.clear();
                    start = false;
                }
                else {
                    frames.add(frame);
                    start = !draining;
                    draining = true;
                }
            }
            if (closed) {
                close();
                return;
            }
            if (start) {
                pool.execute(this::drain);
            }
        }

        private void drain() {
            while (true) {
                String frame;
                synchronized (this) {
                    frame = frames.poll();
                    if (frame == null || closed) {
                        draining = false;
                        return;
                    }
                }
                boolean failed;
                synchronized (writing) {
                    failed = ended || write(frame);
                }
                if (failed) {
                    // The client left. The container, which saw the error too, ends the request (onError).
                    synchronized (this) {
                        draining = false;
                    }
                    forget();
                    return;
                }
            }
        }

        /** Writes a frame; whether the connection failed. Called holding {@code writing}, while the request lasts. */
        private boolean write(String frame) {
            try {
                out.write(frame);
                out.flush();
                return out.checkError();
            }
            catch (RuntimeException gone) {
                return true;
            }
        }

        /**
         * The container is ending the request: from now on its writer and response are not this stream's, and the
         * container may hand them to the next request on any connection. Waits for a write in progress, so that no
         * frame of this stream lands in another's.
         */
        private void ending() {
            synchronized (writing) {
                ended = true;
            }
            closed = true;
        }

        /**
         * Drops this stream without touching the request: the container ends it, through {@link #onError} or
         * {@link #onComplete}. It stays known until then, so that a shutdown can end it if the container never does.
         */
        void forget() {
            closed = true;
            leaving.add(this);
            subscribers.remove(this);
        }

        /**
         * Ends a stream: one whose connection is alive (shutdown, a subscriber too far behind), or, from the
         * container's own error callback, one whose client left.
         */
        void close() {
            closed = true;
            if (subscribers.remove(this) | leaving.remove(this)) {
                // Only the async context is completed, never the writer closed: once the container ends a request
                // it recycles its writer for the next one, which a late close would end.
                try {
                    async.complete();
                }
                catch (RuntimeException alreadyOver) {
                    // The container ended the request first (the client went away).
                }
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            ending();
            subscribers.remove(this);
            leaving.remove(this);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            ending();
            close();
        }

        @Override
        public void onError(AsyncEvent event) {
            ending();
            close();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }
    }
}
