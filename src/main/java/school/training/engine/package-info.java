/**
 * How our processes, decisions and forms get into the engine: one deployment of everything under
 * {@code processes/} and {@code forms/}, with stable resource names so a restart changes nothing.
 */
package school.training.engine;
