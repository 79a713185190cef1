// Package review builds the review page of gwr review: one self-contained,
// static HTML file that shows reports with their facts highlighted, for the
// people who read the tables.
//
// The page needs no network and no other file: its CSS and JavaScript
// (assets/, embedded with go:embed) are inlined, and a Content-Security-Policy
// forbids every fetch. For each [Document] it holds
//
//   - the document text with every fact highlighted in a <mark> whose id is
//     f-<doc>-<fact_id> and whose data attributes carry the row's fields
//     (value_low, value_high, start and end as written, for export); the
//     colour and a label before it say the kind (target blue, actual
//     amber);
//   - a side table of the facts (the row's title is the sentence);
//     clicking a row scrolls the text to the fact and flashes it, clicking
//     a highlight selects its row; either opens a panel with the sentence
//     and all the fields above the table, never over the text;
//   - counts of the facts by kind, measure, unit, year and hedge.
//
// Filters by kind, measure, unit, year and hedge toggle one CSS class on
// the page's body, so the browser restyles but never rebuilds the text;
// the indicator search toggles a class on the highlights and rows it
// leaves out. A search box filters the document list by id, metadata or
// text.
//
// The page is also a correction tool (assets/review.js): a fact can be
// marked as not a fact, its fields corrected, and a missed fact added by
// selecting its text. Corrections are kept in the browser's localStorage
// under the page's key (a hash of its documents and facts) and exported as
// JSON Lines in the format of golden/labels, which gwr eval --gold reads.
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
