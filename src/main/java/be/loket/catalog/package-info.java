/**
 * The catalogue of rights and services as the desks use it: Dutch-aware search over names,
 * descriptions and keywords in three languages, and the detail page of each right with its proofs and
 * where to apply. The content comes from the rule files of the eligibility module. Uses platform and
 * eligibility.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package be.loket.catalog;
