/**
 * Rules as code: rights declared in YAML rule files with dated versions, a declared fact schema and
 * dated parameters, compiled once into three-valued (Kleene) evaluators that say ELIGIBLE,
 * NOT_ELIGIBLE or POSSIBLY with explanations and the facts still missing. Expressions use CEL syntax,
 * parsed and type-checked by cel-java. Uses platform, identity (the current tenant), person
 * (the citizen of a rights check), dossier (the check as a step in the timeline) and audit.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Eligibility")
package be.loket.eligibility;
