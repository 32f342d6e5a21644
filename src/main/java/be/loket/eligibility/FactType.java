package be.loket.eligibility;

/** The declared type of a fact; money is euro with cents, choices are texts from a fixed list. */
public enum FactType { BOOLEAN, MONEY, NUMBER, INTEGER, TEXT, CHOICE }
