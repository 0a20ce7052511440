package monitoring

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// matchJSONPattern evaluates a CloudWatch Logs JSON filter pattern
// ({ ... }) against one log event, with the semantics CloudWatch documents
// for the operators the detections use (SourceFilterSyntax):
//   - a selector is $.a.b or $.a[0].b; a selector that does not resolve
//     makes its comparison false, != included;
//   - a quoted string compares with = or != against a string field; * in
//     it matches any run of characters (so "eks:*" is a prefix);
//   - a number compares with = != < > <= >= against a numeric field;
//   - && binds tighter than ||; parentheses group.
//
// Anything else (IS NULL, EXISTS, regular expressions, bare words) is a
// parse error, so a pattern using syntax this evaluator does not model
// fails its test instead of passing unchecked.
func matchJSONPattern(pattern, event string) (bool, error) {
	var doc any
	if err := json.Unmarshal([]byte(event), &doc); err != nil {
		return false, nil // a JSON pattern never matches a non-JSON event
	}
	p := &patternParser{src: strings.TrimSpace(pattern)}
	if !strings.HasPrefix(p.src, "{") || !strings.HasSuffix(p.src, "}") {
		return false, fmt.Errorf("not a JSON pattern: %q", pattern)
	}
	p.src = p.src[1 : len(p.src)-1]
	node, err := p.or()
	if err != nil {
		return false, err
	}
	if p.skip(); p.pos != len(p.src) {
		return false, fmt.Errorf("unexpected %q at %d", p.src[p.pos:], p.pos)
	}
	return node(doc), nil
}

type predicate func(doc any) bool

type patternParser struct {
	src string
	pos int
}

func (p *patternParser) skip() {
	for p.pos < len(p.src) && unicode.IsSpace(rune(p.src[p.pos])) {
		p.pos++
	}
}

func (p *patternParser) eat(tok string) bool {
	p.skip()
	if strings.HasPrefix(p.src[p.pos:], tok) {
		p.pos += len(tok)
		return true
	}
	return false
}

func (p *patternParser) or() (predicate, error) {
	left, err := p.and()
	for err == nil && p.eat("||") {
		var right predicate
		if right, err = p.and(); err == nil {
			l, r := left, right
			left = func(d any) bool { return l(d) || r(d) }
		}
	}
	return left, err
}

func (p *patternParser) and() (predicate, error) {
	left, err := p.primary()
	for err == nil && p.eat("&&") {
		var right predicate
		if right, err = p.primary(); err == nil {
			l, r := left, right
			left = func(d any) bool { return l(d) && r(d) }
		}
	}
	return left, err
}

func (p *patternParser) primary() (predicate, error) {
	if p.eat("(") {
		inner, err := p.or()
		if err == nil && !p.eat(")") {
			err = fmt.Errorf("missing ) at %d", p.pos)
		}
		return inner, err
	}
	path, err := p.selector()
	if err != nil {
		return nil, err
	}
	op, err := p.operator()
	if err != nil {
		return nil, err
	}
	return p.value(path, op)
}

// selector parses $.a.b[0] into its steps (string keys, int indexes).
func (p *patternParser) selector() ([]any, error) {
	if !p.eat("$") {
		return nil, fmt.Errorf("expected a selector at %d", p.pos)
	}
	var steps []any
	for p.pos < len(p.src) {
		switch c := p.src[p.pos]; {
		case c == '.':
			p.pos++
			start := p.pos
			for p.pos < len(p.src) && (isWord(p.src[p.pos])) {
				p.pos++
			}
			steps = append(steps, p.src[start:p.pos])
		case c == '[':
			end := strings.IndexByte(p.src[p.pos:], ']')
			i, err := strconv.Atoi(p.src[p.pos+1 : p.pos+end])
			if end < 0 || err != nil {
				return nil, fmt.Errorf("bad index at %d", p.pos)
			}
			steps, p.pos = append(steps, i), p.pos+end+1
		default:
			return steps, nil
		}
	}
	return steps, nil
}

func isWord(c byte) bool {
	return c == '_' || c == '-' || unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c))
}

func (p *patternParser) operator() (string, error) {
	for _, op := range []string{"!=", "<=", ">=", "=", "<", ">"} {
		if p.eat(op) {
			return op, nil
		}
	}
	return "", fmt.Errorf("expected an operator at %d", p.pos)
}

func (p *patternParser) value(path []any, op string) (predicate, error) {
	p.skip()
	if p.pos < len(p.src) && p.src[p.pos] == '"' {
		end := strings.IndexByte(p.src[p.pos+1:], '"')
		if end < 0 {
			return nil, fmt.Errorf("unterminated string at %d", p.pos)
		}
		want := p.src[p.pos+1 : p.pos+1+end]
		p.pos += end + 2
		if op != "=" && op != "!=" {
			return nil, fmt.Errorf("%s with a string", op)
		}
		return func(d any) bool {
			s, ok := resolve(d, path).(string)
			return ok && wildcard(want, s) == (op == "=")
		}, nil
	}
	start := p.pos
	for p.pos < len(p.src) && (p.src[p.pos] == '-' || p.src[p.pos] == '.' || unicode.IsDigit(rune(p.src[p.pos]))) {
		p.pos++
	}
	want, err := strconv.ParseFloat(p.src[start:p.pos], 64)
	if err != nil {
		return nil, fmt.Errorf("expected a quoted string or a number at %d", start)
	}
	return func(d any) bool {
		n, ok := resolve(d, path).(float64)
		return ok && compare(n, op, want)
	}, nil
}

func compare(n float64, op string, want float64) bool {
	switch op {
	case "=":
		return n == want
	case "!=":
		return n != want
	case "<":
		return n < want
	case ">":
		return n > want
	case "<=":
		return n <= want
	}
	return n >= want
}

func resolve(d any, path []any) any {
	for _, step := range path {
		switch k := step.(type) {
		case string:
			m, ok := d.(map[string]any)
			if !ok {
				return nil
			}
			d = m[k]
		case int:
			s, ok := d.([]any)
			if !ok || k >= len(s) {
				return nil
			}
			d = s[k]
		}
	}
	return d
}

// wildcard matches s against pattern, where * is any run of characters.
func wildcard(pattern, s string) bool {
	parts := strings.Split(pattern, "*")
	if len(parts) == 1 {
		return pattern == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	for _, mid := range parts[1 : len(parts)-1] {
		i := strings.Index(s, mid)
		if i < 0 {
			return false
		}
		s = s[i+len(mid):]
	}
	return strings.HasSuffix(s, parts[len(parts)-1])
}
