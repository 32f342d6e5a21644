package be.loket.demo;

import be.loket.identity.Directory;
import be.loket.identity.Tenant;
import be.loket.letters.Letterheads;
import be.loket.platform.SystemActor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The fictitious letterhead logos of Demodorp and Voorbeeldegem (demo/letterheads/<code>.svg), uploaded
 * through the letters module like an administrator would, so they pass the same checks. Loaded with the
 * demo world only: a logo an administrator removed stays removed.
 */
@Component
class DemoLetterheads {
    private final Directory directory;
    private final Letterheads letterheads;

    DemoLetterheads(Directory directory, Letterheads letterheads) {
        this.directory = directory;
        this.letterheads = letterheads;
    }

    void load() {
        for (String code : List.of("demodorp", "voorbeeldegem")) {
            directory.tenantByCode(code).map(Tenant::id).ifPresent(tenant -> SystemActor.runAs(tenant, "demo-loader", () -> {
                if (letterheads.logo().isEmpty()) {
                    letterheads.upload(svg(code));
                }
            }));
        }
    }

    private static byte[] svg(String code) {
        try (InputStream in = DemoLetterheads.class.getResourceAsStream("/demo/letterheads/" + code + ".svg")) {
            if (in == null) {
                throw new IllegalStateException("Demo letterhead missing: /demo/letterheads/" + code + ".svg");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
