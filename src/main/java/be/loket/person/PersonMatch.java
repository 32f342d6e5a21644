package be.loket.person;

/** A search hit with its score (1.0 is an exact match of every word). */
public record PersonMatch(Person person, double score) {
}
