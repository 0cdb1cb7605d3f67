/**
 * Deputies (代理): a group leader, the principal or an office member who will be away names a
 * deputy for a date range. While it runs, their new tasks go to the deputy on their behalf (Camunda's
 * task owner remembers whose they are), and their open ones too if they choose; when it ends or is
 * cancelled, what the deputy still holds goes back. Nobody approves their own request, deputy or not.
 */
package school.training.deputies;
