package dockerfile

import (
	"sync"
)

// chunkMode is the way a chunk is given to buildkit's parser.
type chunkMode uint8

const (
	// modeTop is the first chunk of a parse of the whole content, read with
	// its parser directives.
	modeTop chunkMode = iota
	// modeBackslash and modeBacktick are chunks read after an escape
	// directive for the escape character and a "#" line, so that no line of
	// the chunk is a directive.
	modeBackslash
	modeBacktick
	modeCount
)

// maxCachedChunkBytes is the chunk text that one generation of the cache
// holds, in bytes: about five times a 5,000-line Dockerfile. Text that an
// older generation held is kept only while Parse keeps finding it.
const maxCachedChunkBytes = 1 << 20

// chunkCache maps the text of a chunk to buildkit's parse of it. It keeps
// two generations: lookups read both and move what they find into the
// current one, and the current one becomes the old one once it holds
// maxCachedChunkBytes, so that chunks no longer parsed are dropped.
type chunkCache struct {
	mu    sync.Mutex
	cur   [modeCount]map[string]*cachedChunk // guarded by mu
	old   [modeCount]map[string]*cachedChunk // guarded by mu
	bytes int                                // key bytes in cur, guarded by mu
}

// cachedChunk is a cache entry: the chunk text and buildkit's parse of it.
// Neither changes once stored; the nodes are shared with every File that
// Parse built from the same chunk text.
type cachedChunk struct {
	text string
	res  *chunkResult
}

// nodeCache is the cache that Parse uses.
var nodeCache = newChunkCache()

// ResetCache empties what Parse keeps from earlier parses: buildkit's
// parses of chunks and the Files to copy unchanged chunks from. The next
// Parse then reads all of its content again. Benchmarks use it to measure
// the parse of content never seen before.
func ResetCache() {
	nodeCache.mu.Lock()
	nodeCache.reset()
	nodeCache.mu.Unlock()
	recentFiles.mu.Lock()
	recentFiles.files = [2]cachedFile{}
	recentFiles.mu.Unlock()
}

func newChunkCache() *chunkCache {
	c := &chunkCache{}
	c.reset()
	return c
}

// reset empties the cache. The caller holds mu, or owns c.
func (c *chunkCache) reset() {
	for m := range c.cur {
		c.cur[m] = map[string]*cachedChunk{}
		c.old[m] = map[string]*cachedChunk{}
	}
	c.bytes = 0
}

// lookup returns the cached result of each chunk, nil where there is none,
// and the number of chunks not found.
func (c *chunkCache) lookup(modes []chunkMode, texts [][]byte) ([]*chunkResult, int) {
	results := make([]*chunkResult, len(texts))
	misses := 0
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, text := range texts {
		m := modes[i]
		e := c.cur[m][string(text)]
		if e == nil {
			if e = c.old[m][string(text)]; e != nil {
				c.add(m, e)
			}
		}
		if e == nil {
			misses++
			continue
		}
		results[i] = e.res
	}
	return results, misses
}

// store adds the results of chunks that are not cached yet, and replaces
// each result of a chunk that is cached by the cached one, so that chunks
// with the same text share one parse. A nil result is skipped.
func (c *chunkCache) store(modes []chunkMode, texts [][]byte, results []*chunkResult) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for i, res := range results {
		if res == nil {
			continue
		}
		m := modes[i]
		e := c.cur[m][string(texts[i])]
		if e == nil {
			if e = c.old[m][string(texts[i])]; e != nil {
				c.add(m, e)
			}
		}
		if e != nil {
			results[i] = e.res
			continue
		}
		c.add(m, &cachedChunk{text: string(texts[i]), res: res})
	}
}

// add puts e into the current generation, and starts a new generation when
// the current one is full. The caller holds mu.
func (c *chunkCache) add(m chunkMode, e *cachedChunk) {
	if c.bytes+len(e.text) > maxCachedChunkBytes {
		c.old = c.cur
		for m := range c.cur {
			c.cur[m] = map[string]*cachedChunk{}
		}
		c.bytes = 0
	}
	c.cur[m][e.text] = e
	c.bytes += len(e.text)
}

// chunkBatch is the chunks of every instruction of one parse.
type chunkBatch struct {
	modes   []chunkMode
	texts   [][]byte       // the chunk text, a part of File.Content
	results []*chunkResult // nil when not cached yet
	misses  int
	parsed  map[chunkKey]*chunkResult // the chunks parsed for the batch
}

// lookupChunks returns the chunks of the instructions and their cached
// results. Without fallback, the first chunk is read with the parser
// directives, as in a parse of the whole content. With fallback, every
// chunk starts after the directives.
func (s *scanner) lookupChunks(fallback bool) *chunkBatch {
	b := s.chunkKeys(fallback)
	b.results, b.misses = nodeCache.lookup(b.modes, b.texts)
	return b
}

// chunkKeys returns the mode and text of each instruction's chunk.
func (s *scanner) chunkKeys(fallback bool) *chunkBatch {
	n := len(s.f.Instructions)
	b := &chunkBatch{modes: make([]chunkMode, n), texts: make([][]byte, n)}
	mode := modeBackslash
	if s.f.Escape == '`' {
		mode = modeBacktick
	}
	from := 0
	for i, in := range s.f.Instructions {
		b.modes[i] = mode
		if i == 0 && !fallback {
			b.modes[i] = modeTop
		}
		b.texts[i] = s.f.Content[s.lineOffset(from):s.lineOffset(in.last+1)]
		from = in.last + 1
	}
	return b
}

// parse parses chunk i, which starts on line from, unless a chunk of the
// batch with the same mode and text was parsed already, and records its
// result.
func (b *chunkBatch) parse(s *scanner, i, from int) *chunkResult {
	if b.parsed == nil {
		b.parsed = map[chunkKey]*chunkResult{}
	}
	key := chunkKey{mode: b.modes[i], text: string(b.texts[i])}
	res := b.parsed[key]
	if res == nil {
		res = s.parseChunk(from, s.f.Instructions[i].last+1, b.modes[i] != modeTop)
		b.parsed[key] = res
	}
	b.results[i] = res
	return res
}

// chunkKey is a chunk's mode and text.
type chunkKey struct {
	mode chunkMode
	text string
}

// chunkOutcome is the result of attachChunks.
type chunkOutcome int

const (
	chunksAttached chunkOutcome = iota
	chunksRejected              // buildkit rejects a chunk, so it rejects the whole content too
	chunksDiffer                // a chunk's nodes do not match the scanner's instruction
)

// attachChunks attaches the node of each instruction from its chunk's
// result, parsing the chunks that are not cached. Nodes are attached only
// when every chunk gives exactly one node that covers its instruction's
// lines, which is then what a parse of the whole content gives.
func (s *scanner) attachChunks(b *chunkBatch) chunkOutcome {
	outcome := chunksAttached
	from := 0
	for i, in := range s.f.Instructions {
		res := b.results[i]
		if res == nil {
			res = b.parse(s, i, from)
		}
		if res.err != nil {
			outcome = chunksRejected
			break
		}
		if len(res.nodes) != 1 || res.nodes[0].StartLine+from != in.first+1 || res.nodes[0].EndLine+from != in.last+1 {
			outcome = chunksDiffer
			break
		}
		from = in.last + 1
	}
	if b.misses > 0 {
		nodeCache.store(b.modes, b.texts, b.results)
	}
	if outcome == chunksAttached {
		from = 0
		for i, in := range s.f.Instructions {
			in.attach(b.results[i].nodes[0], from)
			from = in.last + 1
		}
	}
	return outcome
}
