package be.loket.eligibility;

/** Where a recorded fact comes from: the client's word, a document seen, or the worker's own judgement. */
public enum FactSource { CLIENT, DOCUMENT, WORKER }
