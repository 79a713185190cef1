// Package review builds the review page of gwr review: one self-contained,
// static HTML file that shows reports with their facts highlighted, for the
// people who read the tables.
//
// The page needs no network and no other file: its CSS and JavaScript
// (assets/, embedded with go:embed) are inlined, and a Content-Security-Policy
// forbids every fetch. For each [Document] it holds
//
//   - the document text with every fact highlighted in a <mark> whose id is
//     f-<doc>-<fact_id> and whose data attributes carry the row's fields;
//     the colour says the measure (level, delta, growth) and the outline
//     the kind (solid for target, dashed for actual);
//   - a side table of the facts; clicking a row scrolls the text to the
//     fact and flashes it, clicking a highlight selects its row and opens
//     a panel with all the fields;
//   - counts of the facts by kind, measure and unit.
//
// Filters by kind, measure and unit toggle one CSS class on the page's
// body, so the browser restyles but never rebuilds the text.
//
// Fact offsets are code points into the document text. The page is cut at
// the fact boundaries here, in Go, and escaped by html/template: the
// browser does no offset arithmetic. Spans that overlap an earlier fact are
// clipped to start where it ends, spans outside the text are clipped to it,
// and a fact whose mention is not text[start:end] is marked as such, so
// every fact gets exactly one highlight. A document whose text is not known
// shows each fact in its sentence instead.
//
// The output depends only on the input: the same documents give the same
// bytes.
package review
