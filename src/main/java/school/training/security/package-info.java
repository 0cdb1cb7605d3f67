/**
 * Who may come in and what the engine lets them see: one login (Camunda's identity tables behind
 * Spring Security) for our pages, Camunda's webapps (single sign-on) and the REST API (HTTP Basic),
 * with Camunda authorizations on so the REST API shows each person only their own work.
 */
package school.training.security;
