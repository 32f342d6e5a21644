package be.loket.applications.web;

import be.loket.applications.ApplicationSummary;
import be.loket.applications.ApplicationView;
import be.loket.applications.Applications;
import be.loket.applications.StartApplication;
import be.loket.eligibility.RightResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Applications over JSON, e.g. started from a rights check with the facts it already knew. */
@RestController
@RequestMapping("/api/v1/applications")
@Tag(name = "Applications")
class ApplicationApiController {
    private final Applications applications;

    ApplicationApiController(Applications applications) {
        this.applications = applications;
    }

    @PostMapping
    @Operation(summary = "Start an application; facts (name to value as text) from a rights check are recorded with source RIGHTS_CHECK")
    ResponseEntity<Map<String, UUID>> start(@RequestBody StartApplication request) {
        UUID id = applications.start(request);
        return ResponseEntity.created(URI.create("/api/v1/applications/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One application with its checklist, facts, decisions and grant")
    ApplicationView get(@PathVariable UUID id) {
        return applications.get(id);
    }

    @GetMapping("/{id}/evaluation")
    @Operation(summary = "The application's recorded facts evaluated now, with the rules in force today")
    RightResult evaluation(@PathVariable UUID id) {
        return applications.evaluate(id);
    }

    @GetMapping
    @Operation(summary = "A citizen's applications")
    List<ApplicationSummary> ofPerson(@RequestParam UUID person) {
        return applications.ofPerson(person);
    }
}
