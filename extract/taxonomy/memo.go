package taxonomy

import (
	"maps"
	"sync"
	"sync/atomic"
)

// memo remembers what Assign answered for an (indicator, measure, unit):
// reports name the same indicators again and again (地区生产总值, 一般公共
// 预算收入), and matching a phrase against every row's pattern is the
// costly part of assigning. An answer is kept as the code's string, nil
// for none, which every fact of the run with that answer shares. The memo
// holds at most maxMemo answers, so memory stays bounded whatever the
// corpus. It is safe for concurrent use, and read without a lock: the
// answers are published in a map that is never written again, and a new
// answer waits in pending, under the lock, until enough have come to
// publish a new map with them (a quarter of the published ones, so that
// the copying stays proportional to the answers). The answers of a
// taxonomy never change: Parse and Extend make a new one, and Codes is not
// changed after them.
type memo struct {
	published atomic.Pointer[map[memoKey]*string]

	mu      sync.Mutex
	pending map[memoKey]*string
	n       int // answers held, published or pending
}

// memoKey is what Assign's answer depends on.
type memoKey struct{ indicator, measure, unit string }

// maxMemo bounds a memo: some 8 MB of keys.
const maxMemo = 1 << 16

// load returns the answer for k, if the memo holds one.
func (m *memo) load(k memoKey) (*string, bool) {
	if p := m.published.Load(); p != nil {
		if c, ok := (*p)[k]; ok {
			return c, true
		}
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if c, ok := m.pending[k]; ok {
		return c, true
	}
	// a store may have published the pending answers between the look
	// above and the lock: look again in what is published now
	if p := m.published.Load(); p != nil {
		c, ok := (*p)[k]
		return c, ok
	}
	return nil, false
}

// store keeps c as the answer for k, unless the memo is full; it reports
// whether it did. k's strings must not be slices of a larger string.
func (m *memo) store(k memoKey, c *string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	var old map[memoKey]*string
	if p := m.published.Load(); p != nil {
		old = *p
	}
	if _, ok := old[k]; ok {
		return true // another document's answer came first
	}
	if _, ok := m.pending[k]; ok {
		return true
	}
	if m.n >= maxMemo {
		return false
	}
	if m.pending == nil {
		m.pending = map[memoKey]*string{}
	}
	m.pending[k] = c
	m.n++
	if len(m.pending) >= 16+len(old)/4 || m.n == maxMemo {
		next := make(map[memoKey]*string, len(old)+len(m.pending))
		maps.Copy(next, old)
		maps.Copy(next, m.pending)
		m.published.Store(&next)
		m.pending = nil
	}
	return true
}
