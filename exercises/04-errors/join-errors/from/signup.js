// Validate a signup form and report every problem at once, with AggregateError.
// Run: node signup.js
class FieldError extends Error {
  constructor(field, problem) {
    super(`${field} ${problem}`);
    this.field = field;
    this.problem = problem;
  }
}

function validate({ username, email, password }) {
  const errors = [];
  if (!username) errors.push(new FieldError('username', 'is required'));
  else if (username.length < 3) errors.push(new FieldError('username', 'is too short'));
  if (!email) errors.push(new FieldError('email', 'is required'));
  else if (!email.includes('@')) errors.push(new FieldError('email', 'is not a valid address'));
  if (!password) errors.push(new FieldError('password', 'is required'));
  else if (password.length < 8) errors.push(new FieldError('password', 'is too short'));
  if (errors.length > 0) throw new AggregateError(errors, 'invalid signup');
}

const users = new Map();

function register(form) {
  const errors = [];
  try {
    validate(form);
  } catch (err) {
    if (!(err instanceof AggregateError)) throw err;
    errors.push(...err.errors);
  }
  if (users.has(form.username)) errors.push(new FieldError('username', 'is already taken'));
  if (errors.length > 0) throw new AggregateError(errors, `register ${form.username}`);
  users.set(form.username, form);
}

register({ username: 'ada', email: 'ada@example.com', password: 'analytical engine' });
try {
  register({ username: 'ada', email: 'ada.example.org', password: 'short' });
} catch (err) {
  // What a handler sends back: every field, every problem.
  console.log(err.message, err.errors.map((e) => ({ field: e.field, problem: e.problem })));
}
