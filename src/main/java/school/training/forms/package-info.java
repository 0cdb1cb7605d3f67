/**
 * Camunda Forms (form-js JSON in {@code forms/}) as the single definition of every form: loads the
 * deployed schema, renders it on the server (Thymeleaf fragment {@code fragments/form :: fields}),
 * validates submissions against the same rules and evaluates expression fields with FEEL, so the
 * forms work without JavaScript.
 */
package school.training.forms;
