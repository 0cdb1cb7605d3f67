package school.training.forms;

import java.util.Arrays;

/** A message key (e.g. {@code form.error.maxLength}) and its arguments, for one field. */
public record FormError(String code, Object... args) {

    public FormError {
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }

    public String getCode() {
        return code;
    }

    public Object[] getArgs() {
        return args();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FormError e && code.equals(e.code) && Arrays.equals(args, e.args);
    }

    @Override
    public int hashCode() {
        return code.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return code + Arrays.toString(args);
    }
}
