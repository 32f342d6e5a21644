package be.loket.applications;

/** The decision on an application: granted with amount and period, refused with reasons, postponed with what is missing. */
public enum DecisionOutcome { GRANTED, REFUSED, POSTPONED }
