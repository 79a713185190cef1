package extract

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gwrfacts/gwr/extract/segment"
)

// TestSegmentAheadKeepsFacts checks that the facts of documents finished
// after SegmentAhead did their first segmentation together are those
// Extract gives each alone: for the bundled reports and the development
// set, in groups of several documents, and for a document read in chunks
// (which SegmentAhead leaves to Finish).
func TestSegmentAheadKeepsFacts(t *testing.T) {
	x := newExtractor(t)
	docs := append(corpusDocs(t), devDocs(t)...)
	for _, group := range []int{1, 3, len(docs)} {
		cut := 0
		for i := 0; i < len(docs); i += group {
			ps := make([]*Prepared, 0, group)
			for _, d := range docs[i:min(i+group, len(docs))] {
				ps = append(ps, x.Prepare(d))
			}
			x.SegmentAhead(ps)
			x.SegmentAhead(ps) // a second call finds the work done
			for k, p := range ps {
				if p.ahead != nil {
					cut++
				}
				got, _, err := p.Finish()
				require.NoError(t, err)
				want := x.Extract(docs[i+k])
				assert.Equal(t, want, got, "group of %d: facts of %s after SegmentAhead", group, docs[i+k].ID)
			}
		}
		assert.Equal(t, len(docs), cut, "group of %d: documents segmented ahead, got %d, want all %d", group, cut, len(docs))
	}

	chunked := newExtractor(t)
	chunked.chunkBytes = 4096
	d := docs[0]
	require.Greater(t, len(d.Text), 2*chunked.chunkBytes, "the document must be read in chunks")
	p := chunked.Prepare(d)
	chunked.SegmentAhead([]*Prepared{p})
	assert.Nil(t, p.ahead, "a document read in chunks is segmented by Finish")
	got, _, err := p.Finish()
	require.NoError(t, err)
	assert.Equal(t, chunked.Extract(d), got, "facts of a document read in chunks after SegmentAhead")
}

// panicky is a segmenter that panics, as segment.Lazy does when its
// dictionaries did not load.
type panicky struct{}

func (panicky) Segment(string) []segment.Token { panic("no dictionaries") }

// TestSegmentAheadPanic checks that SegmentAhead leaves a failure of the
// segmenter to Finish, which meets it for its document: it neither panics
// nor marks the documents done.
func TestSegmentAheadPanic(t *testing.T) {
	x, err := New(panicky{})
	require.NoError(t, err)
	p := x.Prepare(corpusDocs(t)[0])
	require.NotPanics(t, func() { x.SegmentAhead([]*Prepared{p}) })
	assert.Nil(t, p.ahead, "the document is left for Finish to segment")
	assert.Panics(t, func() { p.Finish() }, "Finish meets the segmenter's failure")
}

// TestReadThenMatch checks the two parts of Prepare: a document Read and
// then matched (Match, once or twice) gives the facts Extract gives, and
// so does one Read and left unmatched, which Finish or SegmentAhead
// matches; for the bundled reports and the development set, and for a
// document read in chunks, which Match leaves to Finish.
func TestReadThenMatch(t *testing.T) {
	x := newExtractor(t)
	docs := append(corpusDocs(t), devDocs(t)...)
	for _, d := range docs {
		want := x.Extract(d)

		p := x.Read(d)
		assert.False(t, p.done, "%s: Read runs no rule", d.ID)
		p.Match()
		found := p.found
		p.Match() // a second call finds the work done
		assert.Equal(t, found, p.found, "%s: matches after a second Match", d.ID)
		got, _, err := p.Finish()
		require.NoError(t, err)
		assert.Equal(t, want, got, "%s: facts after Read and Match", d.ID)

		got, _, err = x.Read(d).Finish()
		require.NoError(t, err)
		assert.Equal(t, want, got, "%s: facts after Read alone (Finish matches)", d.ID)

		p, q := x.Read(d), x.Prepare(d)
		x.SegmentAhead([]*Prepared{p, q})
		assert.Equal(t, q.ahead, p.ahead, "%s: SegmentAhead of a document Read: matched and segmented as one Prepared", d.ID)
		got, _, err = p.Finish()
		require.NoError(t, err)
		assert.Equal(t, want, got, "%s: facts after Read and SegmentAhead", d.ID)
	}

	chunked := newExtractor(t)
	chunked.chunkBytes = 4096
	d := docs[0]
	require.Greater(t, len(d.Text), 2*chunked.chunkBytes, "the document must be read in chunks")
	p := chunked.Read(d)
	p.Match()
	assert.Nil(t, p.found, "a document read in chunks is matched by Finish")
	got, _, err := p.Finish()
	require.NoError(t, err)
	assert.Equal(t, chunked.Extract(d), got, "facts of a document read in chunks after Read and Match")
}
