package be.loket.applications;

import java.util.Map;
import java.util.UUID;

/**
 * Starting an application for a citizen. {@code facts} optionally carries what a rights check already
 * knew (fact name to value as text); they are recorded with source RIGHTS_CHECK.
 */
public record StartApplication(UUID personId, String rightId, Map<String, String> facts) {
}
