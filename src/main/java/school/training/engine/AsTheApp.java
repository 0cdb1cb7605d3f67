package school.training.engine;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine work the app does by its own rule rather than as the signed-in person: their Camunda
 * authentication is set aside for the work and put back afterwards, so the pages, not Camunda's
 * authorizations, decide who may cause it (an office clerk changing an account, a deputyship moving
 * the principal's tasks, a teacher's action telling the office).
 */
public final class AsTheApp {

    private AsTheApp() {
    }

    public static <T> T call(IdentityService identityService, Supplier<T> work) {
        Authentication signedIn = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (signedIn != null) {
                identityService.setAuthentication(signedIn);
            }
        }
    }

    public static void run(IdentityService identityService, Runnable work) {
        call(identityService, () -> {
            work.run();
            return null;
        });
    }
}
