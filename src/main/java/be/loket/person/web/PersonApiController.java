package be.loket.person.web;

import be.loket.audit.AuditLog;
import be.loket.person.Households;
import be.loket.person.LikelyDuplicateException;
import be.loket.person.People;
import be.loket.person.Person;
import be.loket.person.PersonDetails;
import be.loket.person.PersonMatch;
import be.loket.platform.InvalidInputException;
import be.loket.platform.FieldViolation;
import be.loket.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Citizens and households over JSON; every call goes through the audited services. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Citizens")
class PersonApiController {

    record PersonRequest(String firstName, String lastName, String birthDate, String insz, String street,
            String houseNumber, String box, String postalCode, String city, String phone, String email,
            String preferredChannel, String language, Boolean needsInterpreter, String interpreterLanguage,
            Long version, Boolean confirmNotDuplicate) {
        PersonDetails details() {
            return new PersonDetails(firstName, lastName, birthDate, insz, street, houseNumber, box, postalCode, city, phone,
                    email, preferredChannel, language, needsInterpreter, interpreterLanguage);
        }
    }

    record SearchHit(UUID id, String firstName, String lastName, LocalDate birthDate, String address, double score) {
    }

    record HouseholdRequest(String name, List<Households.MemberCommand> members) {
    }

    private final People people;
    private final Households households;
    private final AuditLog audit;
    private final MessageSource messages;

    PersonApiController(People people, Households households, AuditLog audit, MessageSource messages) {
        this.people = people;
        this.households = households;
        this.audit = audit;
        this.messages = messages;
    }

    @PostMapping("/persons")
    @Operation(summary = "Register a citizen; answers 409 with candidates when a likely duplicate exists")
    ResponseEntity<Person> create(@RequestBody PersonRequest request) {
        UUID id = people.create(request.details(), Boolean.TRUE.equals(request.confirmNotDuplicate()));
        return ResponseEntity.created(URI.create("/api/v1/persons/" + id)).body(people.get(id));
    }

    @GetMapping("/persons/{id}")
    Person get(@PathVariable UUID id) {
        return people.get(id);
    }

    @GetMapping("/persons")
    @Operation(summary = "Search by national number, name (typo tolerant), birth date and address")
    List<SearchHit> search(@RequestParam(required = false) String q, @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String address) {
        LocalDate birth = null;
        if (birthDate != null && !birthDate.isBlank()) {
            birth = People.parseDate(birthDate).orElseThrow(
                    () -> new InvalidInputException(new FieldViolation("birthDate", "validation.date")));
        }
        return people.search(new People.Query(q, birth, address)).stream().map(this::hit).toList();
    }

    @PutMapping("/persons/{id}")
    @Operation(summary = "Change a citizen; the version read must be sent back, a stale one answers 409")
    Person update(@PathVariable UUID id, @RequestBody PersonRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException(new FieldViolation("version", "validation.required"));
        }
        people.update(id, request.version(), request.details());
        return people.get(id);
    }

    @GetMapping("/persons/{id}/audit")
    List<AuditLog.Event> audit(@PathVariable UUID id) {
        people.get(id);
        return audit.trail("PERSON", id);
    }

    @PostMapping("/households")
    ResponseEntity<Households.Household> createHousehold(@RequestBody HouseholdRequest request) {
        UUID id = households.create(request.name(), request.members());
        return ResponseEntity.created(URI.create("/api/v1/households/" + id)).body(households.get(id));
    }

    @GetMapping("/households/{id}")
    Households.Household household(@PathVariable UUID id) {
        return households.get(id);
    }

    @ExceptionHandler(LikelyDuplicateException.class)
    ProblemDetail duplicate(LikelyDuplicateException e, HttpServletRequest request) {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT,
                messages.getMessage("problem.duplicate", null, LocaleContextHolder.getLocale()), request);
        p.setProperty("candidates", e.candidates().stream().map(this::hit).toList());
        return p;
    }

    /** A search hit with its address in the caller's language (Accept-Language). */
    private SearchHit hit(PersonMatch m) {
        Person p = m.person();
        String box = messages.getMessage("person.address.box", null, LocaleContextHolder.getLocale());
        return new SearchHit(p.id(), p.firstName(), p.lastName(), p.birthDate(), p.addressLine(box),
                Math.round(m.score() * 100) / 100.0);
    }
}
