package school.training.tasklist;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * How /engine-rest (and Tasklist's own engine API, {@link TasklistRestAnswers}) answers a refused start
 * or completion: Camunda wraps what a listener or our gate threw and answers 500 for a start; a script
 * deserves 400 with the rule's message, 409 when someone else completed, claimed or changed the task
 * first (our gate turns every lost race into an {@link OptimisticLockingException}), 404 when the task
 * is gone.
 */
@Component
class RestAnswers implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(ForRestExceptions.class);
        config.register(ForEngineExceptions.class);
    }

    static Response answer(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return json(Status.BAD_REQUEST, violation);
            }
            if (cause instanceof OptimisticLockingException || cause instanceof TaskAlreadyClaimedException) {
                return json(Status.CONFLICT, new ProcessEngineException(
                        "已由他人办理 — someone else completed or changed this task first; reload it", cause));
            }
            if (cause instanceof NullValueException gone && String.valueOf(gone.getMessage()).contains("Cannot find task")) {
                return json(Status.NOT_FOUND, gone);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(thrown);
    }

    private static Response json(Status status, Throwable thrown) {
        ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(thrown);
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Ahead of Camunda's own mapper for the same type. */
    @Priority(1)
    static class ForRestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return answer(exception);
        }
    }

    @Priority(1)
    static class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answer(exception);
        }
    }
}
