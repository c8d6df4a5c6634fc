package emulator

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// object is one decoded JSON object. Keys are matched exactly: the vendor's field names are
// case-sensitive, unlike encoding/json's struct matching, so a client sending "roomId" is told
// RoomId is missing instead of being silently understood.
type object map[string]json.RawMessage

// decodeObject parses data as a JSON object; anything else (array, null, scalar) is not one. It
// answers exactly what json.Unmarshal into a map[string]json.RawMessage would (a fuzz test holds
// it to that), but splits the validated text in place instead of copying every value: the
// values alias data, which must not be reused while the object is in use.
func decodeObject(data []byte) (object, bool) {
	if !json.Valid(data) {
		return nil, false
	}
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, false
	}
	o := make(object, 8)
	i = skipSpace(data, i+1)
	if data[i] == '}' {
		return o, true
	}
	for {
		keyEnd := stringEnd(data, i)
		key, ok := parseString(data[i:keyEnd])
		if !ok {
			return nil, false
		}
		i = skipSpace(data, keyEnd)
		i = skipSpace(data, i+1) // past ':'
		valueEnd := valueEnd(data, i)
		o[key] = data[i:valueEnd:valueEnd]
		i = skipSpace(data, valueEnd)
		if data[i] == '}' {
			return o, true
		}
		i = skipSpace(data, i+1) // past ','
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// stringEnd returns the index just past the JSON string starting at data[i] (a quote).
func stringEnd(data []byte, i int) int {
	for i++; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1
		}
	}
	return len(data)
}

// valueEnd returns the index just past the JSON value starting at data[i]; data is valid JSON.
func valueEnd(data []byte, i int) int {
	depth := 0
	for ; i < len(data); i++ {
		switch c := data[i]; c {
		case '"':
			i = stringEnd(data, i) - 1
			if depth == 0 {
				return i + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return i // the end of the enclosing object
			}
			depth--
			if depth == 0 {
				return i + 1
			}
		case ',':
			if depth == 0 {
				return i
			}
		case ' ', '\t', '\n', '\r':
			if depth == 0 {
				return i
			}
		}
	}
	return i
}

// raw returns a field's JSON text; null counts as absent, as it does for the vendor's decoders.
func (o object) raw(name string) (json.RawMessage, bool) {
	v, ok := o[name]
	if !ok || bytes.Equal(v, []byte("null")) {
		return nil, false
	}
	return v, true
}

// str reads a string field; present reports whether it was given.
func (o object) str(name string) (val string, present bool, err *apiError) {
	v, ok := o.raw(name)
	if !ok {
		return "", false, nil
	}
	s, ok := parseString(v)
	if !ok {
		return "", true, invalidParam(name + " must be a string")
	}
	return s, true, nil
}

// account reads an account field (…_Account, UserID): the vendor answers 60015 when it is not a
// JSON string.
func (o object) account(name string) (val string, present bool, err *apiError) {
	v, ok := o.raw(name)
	if !ok {
		return "", false, nil
	}
	s, ok := parseString(v)
	if !ok {
		return "", true, fail(livespec.CodeAccountNotString, name+" must be a JSON string")
	}
	return s, true, nil
}

// integer reads an integer field; fractions, exponents and quoted numbers are refused.
func (o object) integer(name string) (val int64, present bool, err *apiError) {
	v, ok := o.raw(name)
	if !ok {
		return 0, false, nil
	}
	n, ok := parseInt(v)
	if !ok {
		return 0, true, invalidParam(name + " must be an integer")
	}
	return n, true, nil
}

// boolean reads a true/false field.
func (o object) boolean(name string) (val bool, present bool, err *apiError) {
	v, ok := o.raw(name)
	if !ok {
		return false, false, nil
	}
	switch string(v) {
	case "true":
		return true, true, nil
	case "false":
		return false, true, nil
	}
	return false, true, invalidParam(name + " must be a boolean")
}

// array reads a JSON array field as its raw elements.
func (o object) array(name string) (val []json.RawMessage, present bool, err *apiError) {
	v, ok := o.raw(name)
	if !ok {
		return nil, false, nil
	}
	if len(v) == 0 || v[0] != '[' {
		return nil, true, invalidParam(name + " must be an array")
	}
	var elems []json.RawMessage
	if json.Unmarshal(v, &elems) != nil {
		return nil, true, invalidParam(name + " must be an array")
	}
	return elems, true, nil
}

// obj reads a nested JSON object field.
func (o object) obj(name string) (val object, present bool, err *apiError) {
	v, ok := o.raw(name)
	if !ok {
		return nil, false, nil
	}
	inner, ok := decodeObject(v)
	if !ok {
		return nil, true, invalidParam(name + " must be an object")
	}
	return inner, true, nil
}

// intList reads an array of integers.
func (o object) intList(name string) (val []int64, present bool, err *apiError) {
	elems, present, err := o.array(name)
	if err != nil || !present {
		return nil, present, err
	}
	out := make([]int64, 0, len(elems))
	for _, e := range elems {
		n, ok := parseInt(e)
		if !ok {
			return nil, true, invalidParam(name + " must be an array of integers")
		}
		out = append(out, n)
	}
	return out, true, nil
}

// strList reads an array of strings.
func (o object) strList(name string) (val []string, present bool, err *apiError) {
	elems, present, err := o.array(name)
	if err != nil || !present {
		return nil, present, err
	}
	out := make([]string, 0, len(elems))
	for _, e := range elems {
		s, ok := parseString(e)
		if !ok {
			return nil, true, invalidParam(name + " must be an array of strings")
		}
		out = append(out, s)
	}
	return out, true, nil
}

// parseString decodes a JSON string; the common case without escapes avoids the decoder.
func parseString(v json.RawMessage) (string, bool) {
	if len(v) < 2 || v[0] != '"' {
		return "", false
	}
	inner := v[1 : len(v)-1]
	if v[len(v)-1] == '"' && bytes.IndexByte(inner, '\\') < 0 && bytes.IndexByte(inner, '"') < 0 && utf8.Valid(inner) {
		return string(inner), true
	}
	var s string
	if json.Unmarshal(v, &s) != nil {
		return "", false
	}
	return s, true
}

// parseInt decodes a JSON integer literal that fits in int64.
func parseInt(v json.RawMessage) (int64, bool) {
	n, err := strconv.ParseInt(string(v), 10, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}
