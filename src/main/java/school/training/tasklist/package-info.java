/**
 * The tasklist every role works in: tasks assigned to me and offered to my groups (claim / give back),
 * my requests with their status, a request's timeline, starting a request and completing a task
 * with the form deployed beside the process. It knows processes only through their forms, their
 * activity names and a few small interfaces the process modules implement.
 */
package school.training.tasklist;
