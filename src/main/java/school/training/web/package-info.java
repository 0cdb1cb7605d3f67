/** The frame every page shares: layout, language (中文 first, English), login page, error pages. */
package school.training.web;
