/**
 * Monthly lesson plans and reflections (月度优质教案与教学反思, seed 002 §五5(2)): one a teaching month per
 * teacher, checked by the group leader; a month without an accepted plan is the term review's "−2 each".
 */
package school.training.lessonplans;
