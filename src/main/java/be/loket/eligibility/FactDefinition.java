package be.loket.eligibility;

import java.util.List;

/**
 * One fact of the schema: its name as used in rules ({@code household.monthlyRent}), type, whether it
 * describes a person or the household, what period it covers, its unit, the allowed values of a
 * choice, whether it is a worker's assessment, and the plain-language question that asks for it.
 */
public record FactDefinition(String name, FactType type, String subject, String period, String unit,
        List<String> values, boolean assessment, LocalizedText question) {
}
