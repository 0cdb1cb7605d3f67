/** Uploaded files (invitations, receipts, certificates), stored outside the web root and linked to a request. */
package school.training.attachments;
