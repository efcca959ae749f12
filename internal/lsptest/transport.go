package lsptest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"go.lsp.dev/jsonrpc2"
)

// clientStream is the client side of the base protocol framing. It is
// written apart from the server's framing code, so that a framing bug on
// one side does not hide on the other. Error responses with a null id,
// which the server sends for a message it cannot read, are recorded
// instead of failing the connection.
type clientStream struct {
	in     *bufio.Reader
	closer io.Closer
	onNull func(*jsonrpc2.Error)

	ownMu sync.Mutex
	own   map[jsonrpc2.ID]chan *jsonrpc2.Response // guarded by ownMu; responses to Client.Go

	writeMu sync.Mutex
	out     io.WriteCloser // guarded by writeMu
}

// Read returns the next message from the server.
func (s *clientStream) Read(context.Context) (jsonrpc2.Message, int64, error) {
	for {
		body, err := s.readFrame()
		if err != nil {
			return nil, 0, err
		}
		var probe struct {
			ID    json.RawMessage `json:"id"`
			Error *jsonrpc2.Error `json:"error"`
		}
		if json.Unmarshal(body, &probe) == nil && probe.Error != nil && (probe.ID == nil || string(probe.ID) == "null") {
			s.onNull(probe.Error)
			continue
		}
		msg, err := jsonrpc2.DecodeMessage(body)
		if err != nil {
			return nil, 0, fmt.Errorf("server sent an invalid message %q: %w", truncate(body, 200), err)
		}
		if resp, ok := msg.(*jsonrpc2.Response); ok && s.deliver(resp) {
			continue
		}
		return msg, int64(len(body)), nil
	}
}

// expect registers id as a request whose response goes to the returned
// channel instead of the connection.
func (s *clientStream) expect(id jsonrpc2.ID) <-chan *jsonrpc2.Response {
	answer := make(chan *jsonrpc2.Response, 1)
	s.ownMu.Lock()
	defer s.ownMu.Unlock()
	if s.own == nil {
		s.own = map[jsonrpc2.ID]chan *jsonrpc2.Response{}
	}
	s.own[id] = answer
	return answer
}

// deliver hands resp to the channel of an expected id, and reports
// whether it did.
func (s *clientStream) deliver(resp *jsonrpc2.Response) bool {
	s.ownMu.Lock()
	answer, ok := s.own[resp.ID()]
	delete(s.own, resp.ID())
	s.ownMu.Unlock()
	if ok {
		answer <- resp
	}
	return ok
}

func (s *clientStream) readFrame() ([]byte, error) {
	length := -1
	for {
		line, err := s.in.ReadString('\n')
		if err != nil {
			return nil, fmt.Errorf("reading header from the server: %w", err)
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			break
		}
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("server sent an invalid header line %q", line)
		}
		if strings.TrimSpace(name) == "Content-Length" {
			if length, err = strconv.Atoi(strings.TrimSpace(value)); err != nil {
				return nil, fmt.Errorf("server sent an invalid Content-Length %q", value)
			}
		}
	}
	if length < 0 {
		return nil, fmt.Errorf("server sent a header without Content-Length")
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(s.in, body); err != nil {
		return nil, fmt.Errorf("reading a %d-byte body from the server: %w", length, err)
	}
	return body, nil
}

// Write sends msg with its header.
func (s *clientStream) Write(_ context.Context, msg jsonrpc2.Message) (int64, error) {
	data, err := json.Marshal(msg)
	if err != nil {
		return 0, fmt.Errorf("encoding message: %w", err)
	}
	frame := append([]byte(fmt.Sprintf("Content-Length: %d\r\n\r\n", len(data))), data...)
	return s.writeRaw(frame)
}

// writeRaw writes bytes as they are, between whole messages.
func (s *clientStream) writeRaw(data []byte) (int64, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	n, err := s.out.Write(data)
	if err != nil {
		return int64(n), fmt.Errorf("writing to the server: %w", err)
	}
	return int64(n), nil
}

// closeInput closes the server's input, so the server reads end of file.
func (s *clientStream) closeInput() error {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return s.out.Close()
}

// Close closes both directions.
func (s *clientStream) Close() error {
	errOut := s.closeInput()
	errIn := s.closer.Close()
	if errOut != nil {
		return errOut
	}
	return errIn
}

func truncate(data []byte, n int) []byte {
	if len(data) <= n {
		return data
	}
	return append(bytes.Clone(data[:n]), "..."...)
}

// lockedBuffer is a bytes.Buffer safe for concurrent writes, used for the
// server's log.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer // guarded by mu
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}
