package be.loket.applications;

import be.loket.eligibility.LocalizedText;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Published when a worker asks the citizen for the proofs still missing (the application goes to
 * WAITING_FOR_PROOFS, or the request is repeated): the letters module tells the citizen what to send by
 * {@code deadline}. {@code version} is the application's version after the request, so each request
 * has its own letter reference; {@code missing} are the proofs requested or refused at that moment.
 */
public record ProofsRequested(UUID tenantId, UUID applicationId, long version, UUID personId, String rightId,
        List<LocalizedText> missing, LocalDate deadline) {
}
