package be.loket.applications;

/** One proof of the checklist: asked, handed in, accepted (valid until a date) or refused with a reason. */
public enum ProofStatus { REQUESTED, RECEIVED, ACCEPTED, REFUSED }
