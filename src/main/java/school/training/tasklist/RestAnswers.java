package school.training.tasklist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * How /engine-rest answers a refused start or completion: Camunda wraps what a listener or our gate
 * threw and answers 500 for a start; a script deserves 400 with the rule's message, 409 when someone
 * else completed, claimed or changed the task first — also when the task is already gone and the
 * caller could have done it — and 404 when the task never was, or never was the caller's.
 */
@Component
class RestAnswers implements ResourceConfigCustomizer {

    static final String TAKEN_BY_ANOTHER = "已由他人办理 — someone else completed or changed this task first; reload it";
    /**
     * The task commands a late caller may send: complete, submit its form, resolve a delegated task
     * (/engine-rest/task/…, /engine-rest/engine/{name}/task/…, Tasklist's /camunda/api/engine/engine/{name}/task/…).
     */
    private static final Pattern TASK_COMMAND = Pattern.compile("(?:^|/)task/([^/]+)/(complete|submit-form|resolve)/?$");

    private final LostRaces races;
    private final IdentityService identityService;

    RestAnswers(LostRaces races, IdentityService identityService) {
        this.races = races;
        this.identityService = identityService;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new ForRestExceptions(this));
        config.register(new ForEngineExceptions(this));
    }

    Response answer(Throwable thrown, UriInfo uri) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof RuleViolation violation) {
                return json(Status.BAD_REQUEST, violation);
            }
            if (cause instanceof OptimisticLockingException || cause instanceof TaskAlreadyClaimedException) {
                return conflict(cause);
            }
            boolean taskGone = cause instanceof NullValueException
                    && String.valueOf(cause.getMessage()).contains("Cannot find task");
            if ((taskGone || cause instanceof AuthorizationException) && lostRace(uri)) {
                // the task ended a moment ago (its authorizations with it) and this caller could have done it
                return conflict(cause);
            }
            if (taskGone) {
                return json(Status.NOT_FOUND, cause);
            }
        }
        return ExceptionHandlerHelper.getInstance().getResponse(thrown);
    }

    private boolean lostRace(UriInfo uri) {
        Matcher command = uri == null ? null : TASK_COMMAND.matcher(uri.getPath());
        Authentication user = identityService.getCurrentAuthentication();
        return command != null && command.find() && user != null
                && races.lostBy(command.group(1), user.getUserId(), user.getGroupIds());
    }

    private static Response conflict(Throwable cause) {
        return json(Status.CONFLICT, new ProcessEngineException(TAKEN_BY_ANOTHER, cause));
    }

    private static Response json(Status status, Throwable thrown) {
        ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(thrown);
        return Response.status(status).entity(dto).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** Ahead of Camunda's own mapper for the same type. */
    @Priority(1)
    static class ForRestExceptions implements ExceptionMapper<RestException> {
        private final RestAnswers answers;
        @Context
        private UriInfo uri;

        ForRestExceptions(RestAnswers answers) {
            this.answers = answers;
        }

        @Override
        public Response toResponse(RestException exception) {
            return answers.answer(exception, uri);
        }
    }

    @Priority(1)
    static class ForEngineExceptions implements ExceptionMapper<ProcessEngineException> {
        private final RestAnswers answers;
        @Context
        private UriInfo uri;

        ForEngineExceptions(RestAnswers answers) {
            this.answers = answers;
        }

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return answers.answer(exception, uri);
        }
    }
}
