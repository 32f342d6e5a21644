package be.loket.eligibility;

/** The government level that grants a right or offers a service. */
public enum Level { FEDERAL, FLEMISH, PROVINCIAL, MUNICIPAL }
