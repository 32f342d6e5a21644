package be.loket.committee;

import be.loket.applications.ApplicationView;
import be.loket.eligibility.RightResult;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A session with its agenda: per item the application (report, proposal, proofs), today's evaluation and the decision. */
public record SessionView(UUID id, LocalDate heldOn, List<String> members, SessionStatus status, long version, List<Item> items) {

    public record Item(UUID id, int position, ApplicationView application, RightResult evaluation,
            ApplicationView.Decision decision) {
    }
}
