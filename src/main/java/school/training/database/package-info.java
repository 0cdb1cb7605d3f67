/**
 * The app's own tables: created and changed by Flyway's scripts in {@code db/migration/{vendor}} (H2 and
 * PostgreSQL), which Hibernate only validates. Camunda's tables are the engine's own business
 * ({@code camunda.bpm.database.schema-update}).
 */
package school.training.database;
