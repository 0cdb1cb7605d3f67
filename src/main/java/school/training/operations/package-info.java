/**
 * What a school's IT needs to run the app: Actuator's health (database, process engine, job executor), the
 * app's own gauges for Prometheus (open tasks, running processes, failed jobs, incidents), and log lines that
 * say which request and which user they belong to. Who may see what is decided in
 * {@code security.SecurityConfig#operations}.
 */
package school.training.operations;
