// Validate a signup form and report every problem at once: one exception
// holding the list, as Jakarta Validation's ConstraintViolationException does.
// Run: java Signup.java
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

public class Signup {
    record Form(String username, String email, String password) {}

    record FieldError(String field, String problem) {
        @Override
        public String toString() { return field + " " + problem; }
    }

    static class ValidationException extends Exception {
        final List<FieldError> errors;

        ValidationException(String message, List<FieldError> errors) {
            super(message + ": " + errors);
            this.errors = List.copyOf(errors);
        }
    }

    static List<FieldError> problems(Form f) {
        List<FieldError> errors = new ArrayList<>();
        if (f.username().isEmpty()) errors.add(new FieldError("username", "is required"));
        else if (f.username().length() < 3) errors.add(new FieldError("username", "is too short"));
        if (f.email().isEmpty()) errors.add(new FieldError("email", "is required"));
        else if (!f.email().contains("@")) errors.add(new FieldError("email", "is not a valid address"));
        if (f.password().isEmpty()) errors.add(new FieldError("password", "is required"));
        else if (f.password().length() < 8) errors.add(new FieldError("password", "is too short"));
        return errors;
    }

    static void validate(Form f) throws ValidationException {
        List<FieldError> errors = problems(f);
        if (!errors.isEmpty()) throw new ValidationException("invalid signup", errors);
    }

    static final Map<String, Form> users = new HashMap<>();

    static void register(Form f) throws ValidationException {
        List<FieldError> errors = new ArrayList<>();
        try {
            validate(f);
        } catch (ValidationException e) {
            errors.addAll(e.errors);
        }
        if (users.containsKey(f.username())) errors.add(new FieldError("username", "is already taken"));
        if (!errors.isEmpty()) throw new ValidationException("register " + f.username(), errors);
        users.put(f.username(), f);
    }

    public static void main(String[] args) throws ValidationException {
        register(new Form("ada", "ada@example.com", "analytical engine"));
        try {
            register(new Form("ada", "ada.example.org", "short"));
        } catch (ValidationException e) {
            // What a handler sends back: every field, every problem.
            System.out.println(e.getMessage());
            e.errors.forEach(fe -> System.out.println("  " + fe.field() + ": " + fe.problem()));
        }
    }
}
