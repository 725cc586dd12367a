package io.sentro.spring.it;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.SpringApplication;

/**
 * {@link PlainApplication} in a JVM of its own, for {@link ExportMemoryScenarios}: started with a capped heap, it
 * writes the heap's peak use (all heap pools, since start) to the file the system property
 * {@code sentro.test.peak-heap-file} names, every 100 ms, with the cap and the most heap found in use after a
 * collection (what the application holds, rather than what it has yet to collect).
 */
final class ExportMemoryApplication {

    private ExportMemoryApplication() {
    }

    public static void main(String[] args) {
        Path report = Path.of(System.getProperty("sentro.test.peak-heap-file"));
        Thread sampler = new Thread(() -> {
            long live = 0;
            while (true) {
                long peak = 0;
                long afterCollection = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                        peak += pool.getPeakUsage().getUsed();
                        afterCollection += pool.getCollectionUsage() != null ? pool.getCollectionUsage().getUsed() : 0;
                    }
                }
                live = Math.max(live, afterCollection);
                try {
                    // Written whole, then moved over the report: a reader never sees half a line.
                    Path next = report.resolveSibling(report.getFileName() + ".next");
                    Files.writeString(next, peak + " " + Runtime.getRuntime().maxMemory() + " " + live);
                    Files.move(next, report, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                            java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                    Thread.sleep(100);
                }
                catch (IOException | InterruptedException ex) {
                    return;
                }
            }
        }, "peak-heap");
        sampler.setDaemon(true);
        sampler.start();
        SpringApplication.run(PlainApplication.class, args);
    }
}
