/**
 * What each request's steps decided, as the app's own records: who started it (the applicant, fixed
 * for good), and for every start and every completed task the values of that step's form, who and
 * when. Written by the engine for every client; pages, money, hours and scores read them instead of
 * process variables that a later step could have changed.
 */
package school.training.records;
