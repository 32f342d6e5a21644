package be.loket.dossier.web;

import be.loket.audit.AuditLog;
import be.loket.dossier.DossierSummary;
import be.loket.dossier.DossierView;
import be.loket.dossier.Dossiers;
import be.loket.dossier.NewStep;
import be.loket.dossier.OpenDossier;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Dossiers over JSON. A dossier the caller may not see answers 404, exactly like one that does not exist. */
@RestController
@RequestMapping("/api/v1/dossiers")
@Tag(name = "Dossiers")
class DossierApiController {

    record ShareRequest(UUID organisationId, String purpose, Long version) {
    }

    record StatusRequest(String status, String reason, Long version) {
    }

    private final Dossiers dossiers;

    DossierApiController(Dossiers dossiers) {
        this.dossiers = dossiers;
    }

    @PostMapping
    @Operation(summary = "Open a dossier for a citizen, or with householdId for the household the citizen lives in now; optionally"
            + " from a contact; ownerId empty puts it on the unassigned list")
    ResponseEntity<Map<String, UUID>> open(@RequestBody OpenDossier request) {
        UUID id = dossiers.open(request);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + id)).body(Map.of("id", id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dossier; partners get only its SHARED steps")
    DossierView get(@PathVariable UUID id) {
        return dossiers.get(id);
    }

    @GetMapping
    @Operation(summary = "My work, 50 per page (page=0 is the most recently active); owner=me is the only supported filter")
    List<DossierSummary> mine(@RequestParam String owner, @RequestParam(defaultValue = "0") int page) {
        if (!"me".equals(owner)) {
            throw new InvalidInputException(new FieldViolation("owner", "dossier.api.ownerMe"));
        }
        return dossiers.myWork(page);
    }

    @PostMapping("/{id}/steps")
    @Operation(summary = "Add a step; visibility INTERNAL (own service only) or SHARED (also the partners it is shared with)")
    ResponseEntity<Map<String, UUID>> addStep(@PathVariable UUID id, @RequestBody NewStep request) {
        UUID step = dossiers.addStep(id, request);
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + id)).body(Map.of("id", step));
    }

    @PostMapping("/{id}/status")
    @Operation(summary = "Change the status (closing needs a reason); version is the dossier version you read")
    ResponseEntity<Void> status(@PathVariable UUID id, @RequestBody StatusRequest request) {
        dossiers.changeStatus(id, required(request.version()), request.status(), request.reason());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/shares")
    @Operation(summary = "Share with a partner organisation for a purpose; version is the dossier version you read")
    ResponseEntity<Void> share(@PathVariable UUID id, @RequestBody ShareRequest request) {
        dossiers.share(id, required(request.version()), request.organisationId(), request.purpose());
        return ResponseEntity.created(URI.create("/api/v1/dossiers/" + id)).build();
    }

    @DeleteMapping("/{id}/shares/{organisationId}")
    @Operation(summary = "End the share with an organisation; the share stays in the history")
    ResponseEntity<Void> endShare(@PathVariable UUID id, @PathVariable UUID organisationId, @RequestParam long version) {
        dossiers.endShare(id, version, organisationId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who read or changed the dossier; for its owner and the team lead")
    List<AuditLog.Event> audit(@PathVariable UUID id) {
        return dossiers.trail(id);
    }

    private static long required(Long version) {
        if (version == null) {
            throw new InvalidInputException(new FieldViolation("version", "validation.required"));
        }
        return version;
    }
}
