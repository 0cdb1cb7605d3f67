/**
 * Lesson observation records (听课记录, seed 004 §四(二)2): who observed whose lesson, when, with notes and
 * suggestions for improvement (改进性意见); quotas per role and period are settings.
 */
package school.training.observations;
