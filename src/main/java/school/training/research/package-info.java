/**
 * Research activities of a teaching group (教研活动, seed 004: at least 4 a term): theme, date, who attended,
 * minutes and files, recorded by the group leader.
 */
package school.training.research;
