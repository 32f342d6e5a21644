package be.loket.eligibility;

/** The verdict on one right: decided either way, or still open because some facts are unknown. */
public enum Outcome { ELIGIBLE, NOT_ELIGIBLE, POSSIBLY }
