package be.loket.eligibility.web;

import be.loket.eligibility.Eligibility;
import be.loket.eligibility.Right;
import be.loket.eligibility.RightResult;
import be.loket.platform.FieldViolation;
import be.loket.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The pinned eligibility API: evaluations and the catalogue of rights, for the acting user's municipality. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Eligibility")
class EligibilityApiController {
    private final Eligibility eligibility;

    EligibilityApiController(Eligibility eligibility) {
        this.eligibility = eligibility;
    }

    record EvaluationRequest(String date, Map<String, Object> facts, List<String> rights) {
    }

    record EvaluationResponse(LocalDate date, List<RightResult> results) {
    }

    @Operation(summary = "Evaluate rights for a set of facts; absent or null facts are unknown")
    @PostMapping("/eligibility/evaluations")
    EvaluationResponse evaluate(@RequestBody EvaluationRequest request) {
        LocalDate date = parseDate(request.date());
        List<RightResult> results = eligibility.evaluate(date, request.facts(), request.rights(),
                LocaleContextHolder.getLocale());
        return new EvaluationResponse(date == null ? eligibility.today() : date, results);
    }

    @Operation(summary = "The rights and services of the user's municipality and the levels above it")
    @GetMapping("/rights")
    List<Right> rights() {
        return eligibility.rights();
    }

    @Operation(summary = "One right with its texts, proofs and rule versions")
    @GetMapping("/rights/{id}")
    Right right(@PathVariable String id) {
        return eligibility.right(id);
    }

    private static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(new FieldViolation("date", "eligibility.date.invalid", text));
        }
    }
}
