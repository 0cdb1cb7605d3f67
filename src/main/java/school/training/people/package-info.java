/**
 * The school's directory: people, their teaching groups (教研组) and who leads whom.
 * It also keeps Camunda's identity tables (accounts, passwords, groups) in step with it, so one account
 * signs into our pages, Camunda's webapps and the REST API alike.
 */
package school.training.people;
