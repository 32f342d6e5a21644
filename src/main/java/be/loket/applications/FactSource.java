package be.loket.applications;

/** Where a recorded fact comes from; it tells the decider how far to trust it. */
public enum FactSource { CITIZEN, PROOF, PARTNER_DATA, SOCIAL_WORKER, RIGHTS_CHECK, RENEWAL }
