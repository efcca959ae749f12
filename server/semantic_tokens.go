package server

import (
	"context"

	"github.com/stackls/stackls/position"
	"github.com/stackls/stackls/semantic"
	"github.com/stackls/stackls/server/protocol"
)

// semanticLegend is the legend announced at initialize: the semantic
// package's type and modifier names, in the order of their values.
func semanticLegend() protocol.SemanticTokensLegend {
	legend := protocol.SemanticTokensLegend{
		TokenTypes:     make([]protocol.SemanticTokenTypes, len(semantic.TypeNames)),
		TokenModifiers: make([]protocol.SemanticTokenModifiers, len(semantic.ModifierNames)),
	}
	for i, name := range semantic.TypeNames {
		legend.TokenTypes[i] = protocol.SemanticTokenTypes(name)
	}
	for i, name := range semantic.ModifierNames {
		legend.TokenModifiers[i] = protocol.SemanticTokenModifiers(name)
	}
	return legend
}

// SemanticTokensFull returns the tokens of the whole document in the LSP
// relative encoding; {"data": []} when there are none.
func (s *server) SemanticTokensFull(ctx context.Context, params *protocol.SemanticTokensParams) (*protocol.SemanticTokens, error) {
	snap := s.snapshot(ctx)
	f := s.file(snap, params.TextDocument.URI)
	if f == nil {
		return &protocol.SemanticTokens{Data: []uint32{}}, nil
	}

	tokens, err := semantic.Tokens(ctx, snap, f.URI)
	if err != nil {
		return nil, err
	}

	return &protocol.SemanticTokens{Data: encodeTokens(f.Mapper(), tokens, s.encoding())}, nil
}

// encodeTokens encodes tokens, sorted and not overlapping, as LSP's five
// integers per token: line delta, start delta, length, type, modifiers.
// A token that spans lines is split into one token per line, because
// clients need not support multiline tokens. Line endings are never part
// of a token.
func encodeTokens(m *position.Mapper, tokens []semantic.Token, enc position.Encoding) []uint32 {
	data := []uint32{}
	prevLine, prevChar := 0, 0
	for _, tok := range tokens {
		for _, seg := range lineSegments(m, tok.Span) {
			start, err1 := m.OffsetPosition(seg.Start, enc)
			end, err2 := m.OffsetPosition(seg.End, enc)
			if err1 != nil || err2 != nil || end.Character <= start.Character {
				continue
			}
			deltaChar := start.Character
			if start.Line == prevLine {
				deltaChar -= prevChar
			}
			data = append(data,
				uint32(start.Line-prevLine), uint32(deltaChar), uint32(end.Character-start.Character),
				uint32(tok.Type), uint32(tok.Modifiers))
			prevLine, prevChar = start.Line, start.Character
		}
	}
	return data
}

// lineSegments splits span into its parts on each line, without line
// endings, and drops empty parts.
func lineSegments(m *position.Mapper, span position.Span) []position.Span {
	if span.Start < 0 || span.End <= span.Start {
		return nil
	}
	var segs []position.Span
	for line := m.OffsetLine(span.Start); line < m.LineCount(); line++ {
		text, err := m.LineSpan(line)
		if err != nil || text.Start >= span.End {
			break
		}
		seg := position.Span{Start: max(span.Start, text.Start), End: min(span.End, text.End)}
		if seg.End > seg.Start {
			segs = append(segs, seg)
		}
	}
	return segs
}
