/**
 * The one place that reaches into the engine's internals ({@code org.camunda.bpm.engine.impl}): its clock, its table
 * names, the command running on this thread, the caller it runs for, a new transaction, the refusal Tasklist shows
 * at a form field, and the cycle kept in a repeating timer's job. Everything else uses these classes, so an engine upgrade that moves an internal is fixed here (the
 * package rules are src/docs/architecture.md「包结构规则」 and ArchitectureTest). It depends on no feature package, so
 * every feature may use it without a cycle.
 */
package cn.shapotou.litigation.engine;
