package school.training.security;

import java.io.InputStream;

import org.camunda.bpm.engine.impl.TaskServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddCommentCmd;
import org.camunda.bpm.engine.impl.cmd.CreateAttachmentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteAttachmentCmd;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AttachmentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.springframework.stereotype.Component;

/**
 * Comments and attachments on a task only by those who may work it (its assignee, its candidates, the
 * admin). Camunda checks nothing when a comment or an attachment is added: anyone who can see a task's
 * history (an applicant her leader's review, the office every request) could write on it through
 * {@code /task/{id}/comment/create} and {@code /attachment/create}. The engine's task service here runs
 * the same "may work this task" check that completing the task does ({@link CommandChecker#checkTaskWork}),
 * in the same command, for every client: REST, Camunda's Tasklist and our own code. A task that has
 * ended can no longer be worked, so only the admin may still write on it. Without a logged-in person
 * (the app's own steps) nothing is checked, as everywhere in the engine.
 */
@Component
public class TaskNotesOnlyByWorkers extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTaskService(new WorkersOnlyTaskService());
    }

    /** Camunda's task service with the check in front of writing comments and attachments. */
    static class WorkersOnlyTaskService extends TaskServiceImpl {

        @Override
        public Comment createComment(String taskId, String processInstanceId, String message) {
            return commandExecutor.execute(new AddCommentCmd(taskId, processInstanceId, message) {
                private static final long serialVersionUID = 1L;

                @Override
                public Comment execute(CommandContext commandContext) {
                    mayWrite(commandContext, this.taskId, this.processInstanceId);
                    return super.execute(commandContext);
                }
            });
        }

        @Override
        public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
                String attachmentName, String attachmentDescription, InputStream content) {
            return commandExecutor.execute(new CheckedCreateAttachment(attachmentType, taskId, processInstanceId,
                    attachmentName, attachmentDescription, content, null));
        }

        @Override
        public Attachment createAttachment(String attachmentType, String taskId, String processInstanceId,
                String attachmentName, String attachmentDescription, String url) {
            return commandExecutor.execute(new CheckedCreateAttachment(attachmentType, taskId, processInstanceId,
                    attachmentName, attachmentDescription, null, url));
        }

        @Override
        public void deleteAttachment(String attachmentId) {
            commandExecutor.execute(new CheckedDeleteAttachment(null, attachmentId));
        }

        @Override
        public void deleteTaskAttachment(String taskId, String attachmentId) {
            commandExecutor.execute(new CheckedDeleteAttachment(taskId, attachmentId));
        }
    }

    static class CheckedCreateAttachment extends CreateAttachmentCmd {
        private static final long serialVersionUID = 1L;

        CheckedCreateAttachment(String attachmentType, String taskId, String processInstanceId, String attachmentName,
                String attachmentDescription, InputStream content, String url) {
            super(attachmentType, taskId, processInstanceId, attachmentName, attachmentDescription, content, url);
        }

        @Override
        public Attachment execute(CommandContext commandContext) {
            mayWrite(commandContext, taskId, processInstanceId);
            return super.execute(commandContext);
        }
    }

    static class CheckedDeleteAttachment extends DeleteAttachmentCmd {
        private static final long serialVersionUID = 1L;

        CheckedDeleteAttachment(String taskId, String attachmentId) {
            super(taskId, attachmentId);
        }

        @Override
        public Object execute(CommandContext commandContext) {
            AttachmentEntity attachment = attachmentId == null ? null
                    : commandContext.getDbEntityManager().selectById(AttachmentEntity.class, attachmentId);
            String ofTask = taskId != null && !taskId.isBlank() ? taskId
                    : attachment != null ? attachment.getTaskId() : null;
            mayWrite(commandContext, ofTask, attachment != null ? attachment.getProcessInstanceId() : null);
            return super.execute(commandContext);
        }
    }

    /** The task's workers may write on a running task; on a process instance, those who may update it. */
    static void mayWrite(CommandContext commandContext, String taskId, String processInstanceId) {
        if (taskId != null && !taskId.isBlank()) {
            TaskEntity task = commandContext.getTaskManager().findTaskById(taskId);
            if (task == null) {
                commandContext.getAuthorizationManager().checkCamundaAdmin();
                return;
            }
            for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkTaskWork(task);
            }
        } else if (processInstanceId != null && !processInstanceId.isBlank()) {
            for (CommandChecker checker : commandContext.getProcessEngineConfiguration().getCommandCheckers()) {
                checker.checkUpdateProcessInstanceById(processInstanceId);
            }
        }
    }
}
