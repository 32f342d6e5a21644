package be.loket.intake.web;

import be.loket.intake.Contact;
import be.loket.intake.Contacts;
import be.loket.intake.NewContact;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Contacts over JSON: register one, read one, list a day at a site. */
@RestController
@RequestMapping("/api/v1/contacts")
@Tag(name = "Front desk")
class IntakeApiController {
    private final Contacts contacts;
    private final Clock clock;

    IntakeApiController(Contacts contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Register a contact; the answer carries its due date (2 working days)")
    ResponseEntity<Contact> register(@RequestBody NewContact request) {
        UUID id = contacts.register(request);
        return ResponseEntity.created(URI.create("/api/v1/contacts/" + id)).body(contacts.get(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One contact of the own municipality; for partners and other municipalities it does not exist (404)")
    Contact get(@PathVariable UUID id) {
        return contacts.get(id);
    }

    @GetMapping
    @Operation(summary = "Contacts of one day (default today), at one site or all sites")
    List<Contact> day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) UUID site) {
        return contacts.day(date == null ? LocalDate.now(clock) : date, site);
    }
}
