// Package errcompare defines an Analyzer that reports errors compared with
// == or inspected with type assertions, which wrapped errors defeat.
//
// # Analyzer errcompare
//
// errcompare: report errors compared with == or type-asserted where errors.Is and errors.As are needed
//
// Errors are wrapped on their way up: fmt.Errorf("reading config: %w", err)
// returns a new error whose chain contains err. A comparison with == or a
// type assertion looks only at the outermost error, so it stops matching as
// soon as anyone adds context:
//
//	if err == ErrNotFound { ... }           // reported
//	if err != io.EOF { ... }                // reported
//	switch err { case ErrNotFound: ... }    // reported
//	if pe, ok := err.(*fs.PathError); ok {  // reported
//	switch e := err.(type) { case *MyErr: } // reported
//
// errors.Is and errors.As walk the whole chain:
//
//	if errors.Is(err, ErrNotFound) { ... }
//	var pe *fs.PathError
//	if errors.As(err, &pe) { ... }
//	if me, ok := errors.AsType[*MyErr](err); ok { ... } // Go 1.26
//
// A comparison is reported when one side is an error and the other a
// sentinel: a package-level variable or constant of an error type (io.EOF,
// sql.ErrNoRows, syscall.ENOENT, your own ErrNotFound). The suggested fix
// rewrites err == X into errors.Is(err, X) and err != X into
// !errors.Is(err, X), adding the "errors" import if needed. A type
// assertion or type switch is reported when the asserted type is an error
// type (a concrete type with an Error method, or an interface that embeds
// error, like net.Error).
//
// Not reported:
//
//   - comparisons with nil, and comparisons of two values that are not
//     sentinels, such as err == lastErr (an identity check);
//   - assertions to an interface for a behaviour, such as
//     err.(interface{ Timeout() bool }), and to error itself;
//   - anything inside a method Is(error) bool, where comparing the target
//     is the job;
//   - a value that comes straight from a function documented to return the
//     bare sentinel or type, as errorlint allows: io.EOF and
//     io.ErrUnexpectedEOF from Read, ReadAt, ReadByte and ReadRune methods
//     (the io contract: "callers will test for EOF using ==") and from the
//     standard library's readers and decoders (bufio.Reader, io.ReadFull,
//     tar.Reader.Next, json.Decoder.Decode, csv.Reader.Read, ...), and
//     from Recv and RecvMsg of a gRPC stream (a type with RecvMsg(m any)
//     error, which "returns io.EOF when the stream completes");
//     context.Canceled and DeadlineExceeded from ctx.Err();
//     http.ErrServerClosed from Serve and ListenAndServe; sql.ErrNoRows from
//     Row.Scan; syscall errno constants from the syscall function that
//     returned them; *exec.ExitError from cmd.Run, Wait, Output and
//     CombinedOutput; *exec.Error from exec.LookPath and cmd.Start;
//     *fs.PathError from os.Open, os.Stat and their kin; scanner.ErrorList
//     from go/parser; *build.NoGoError from build.Import. The value must
//     come from such a call directly, or through a local variable whose
//     assignments before the comparison are all such calls (or nil);
//   - generated files.
//
// In the default mode, for real code, a comparison with one of the
// module's own sentinels (declared in the package or in another package of
// its module, as bbolt's errors package) that the package never wraps is
// not reported either: every use of the sentinel in the package (test
// files included) compares it, returns it, assigns it, sends it on a
// channel, stores it in a value with no Unwrap method, passes it to
// errors.Is or errors.As, formats it without %w, or passes it to a
// function of the package that does the same with its parameter (a
// future's respond(err)), so the package only ever makes it bare and ==
// matches it as errors.Is does (a test that hands the sentinel to an
// assertion, Equal(ErrX), wraps nothing; one that wraps it with %w or
// errors.Join does). Likewise a type assertion or type switch
// to one of the package's own error types whose every value the package
// makes (T{...}, &T{...}; not new(T)) stays bare in the same sense. Strict mode (accentvet
// -strict, as accent's grader runs it) reports it: a learner's package
// grows, and the first fmt.Errorf("...: %w", ErrX) breaks the ==.
//
// In the default mode nothing is reported in test files either: a test
// that compares with == or asserts a type checks the exact error on
// purpose, and fails loudly if it is ever wrapped.
//
// Coming from Node.js: err instanceof NotFoundError and err.code === 'ENOENT'
// look only at the error you hold; a wrapped error, the way Error's cause
// option nests one, hides the original. errors.Is and errors.As follow the
// cause chain for you.
//
// Coming from Python: except FileNotFoundError matches subclasses, and
// raise ... from e records a cause that except never looks at. Go wraps
// instead of subclassing: errors.Is(err, fs.ErrNotExist) is the except
// clause, and it does look through the causes. Comparing with == is like
// testing type(e) is FileNotFoundError: exact, and broken by any wrapper.
//
// Coming from Java: catch (IOException e) matches by type, and
// e.getCause() walks the chain by hand. In Go, errors.As(err, &target) is
// instanceof plus a cast that walks the chain, and errors.Unwrap is
// getCause(); a type assertion err.(*MyErr) is instanceof on the outermost
// exception only.
//
// Lesson: errors/wrapping-and-inspecting.
package errcompare
