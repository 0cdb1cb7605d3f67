/**
 * 校本培训 (school-based training, seed 002 §五1–2): the office, or a group leader for their group, plans a
 * training project with its sessions and audience; attendance is taken per session (the roll, a sign-in code,
 * leave asked beforehand), each participant's result recorded, and closing the project credits the attended
 * hours to the ledger once. The term review reads the results through {@link school.training.trainings.Trainings}.
 */
package school.training.trainings;
