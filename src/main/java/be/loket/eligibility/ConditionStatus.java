package be.loket.eligibility;

/** One condition's state; INFO marks a condition that is shown but never decides. */
public enum ConditionStatus { MET, NOT_MET, UNKNOWN, INFO }
