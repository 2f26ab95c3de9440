// Package ignoredirective defines an Analyzer that checks accent's
// suppression comments, and [Wrap], which makes other analyzers obey them.
//
// # Analyzer ignoredirective
//
// ignoredirective: report malformed //accent:ignore comments
//
// A finding that is wrong in one place is silenced with a comment that names
// the analyzer and says why:
//
//	//accent:ignore errignored best effort: the file is removed on the next start
//	_ = os.Remove(tmp)
//
// The comment applies to the line it ends, or, standing on a line of its
// own, to the next line. Several analyzers are separated by commas:
// //accent:ignore errignored,erroverwrite reason. A whole file is silenced
// for one analyzer with //accent:file-ignore <analyzer> <reason>, anywhere
// in the file.
//
// The reason is not optional: a suppression without one is itself reported,
// and does not suppress anything, so that every exception in a codebase
// carries its justification for the next reader. A comment naming an
// analyzer that does not exist is reported too, with the closest name.
//
// A directive that silences nothing, because the analyzer it names reports
// nothing where it stands (the code it excused was fixed, or it sits on the
// wrong line), is reported by the companion analyzer unusedignore, which
// [Wrap] runs after all the others: a stale exception only hides the next
// real finding on its line. A directive naming an analyzer with two modes
// is judged in strict mode only: in the default mode it may excuse what only
// strict mode reports.
//
// Generated files (those with a "// Code generated ... DO NOT EDIT." line)
// get no findings at all: nobody can fix them by hand.
//
// Coming from Node.js: eslint-disable-next-line rule -- reason is the same
// idea; here the "-- reason" part is required.
//
// Coming from Python: # noqa: E501 and # type: ignore[code] silence a line;
// accent wants the reason written out as well.
//
// Coming from Java: @SuppressWarnings("unchecked") silences a whole
// declaration; //accent:ignore silences one line, so an exception cannot
// spread further than the finding it excuses.
package ignoredirective
