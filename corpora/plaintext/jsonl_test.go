package plaintext

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"testing"

	"github.com/align-tools/align/corpora"
)

// encodeJSONL is what JSONLWriter is defined to write for u: the
// JSONUnit of u through encoding/json, without HTML escaping.
func encodeJSONL(u *corpora.Unit) (string, error) {
	ids := func(xs []int) []int {
		if xs == nil {
			return []int{}
		}
		return xs
	}
	score, _ := strconv.ParseFloat(corpora.FormatScore(u.Score), 64)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	err := enc.Encode(JSONUnit{
		Doc: u.Doc, Bead: u.Bead, Type: u.Type(), Src: ids(u.Src), Tgt: ids(u.Tgt), Score: score,
		SrcText: corpora.Segment(u.SrcText), TgtText: corpora.Segment(u.TgtText),
		Speech: u.Speech, Speaker: u.Speaker, Notes: u.Notes,
	})
	return buf.String(), err
}

func checkJSONL(t *testing.T, u *corpora.Unit) {
	t.Helper()
	want, wantErr := encodeJSONL(u)
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	err := w.Write(u)
	if err == nil {
		err = w.Flush()
	}
	if (err != nil) != (wantErr != nil) || err != nil && err.Error() != wantErr.Error() {
		t.Fatalf("Write(%+v): error %v, want %v", u, err, wantErr)
	}
	if err == nil && buf.String() != want {
		t.Errorf("Write(%+v):\n got %s\nwant %s", u, buf.String(), want)
	}
}

func TestJSONLAsEncodingJSON(t *testing.T) {
	units := corpora.SampleUnits()
	units = append(units,
		corpora.Unit{},
		corpora.Unit{Doc: "\"\\/<>&\u2028\u2029\x7f\xff\b\f\x00\x1f", Score: 1e-7},
		corpora.Unit{Score: 1e22, Src: []int{}, Notes: []corpora.Note{}},
		corpora.Unit{Score: -0.001, Notes: []corpora.Note{{Start: -1, End: 0, Side: "src"}}},
		corpora.Unit{Score: math.NaN()},
		corpora.Unit{Score: math.Inf(-1)},
		corpora.Unit{Score: 123456789.125, SrcText: "ёж \xc1\x80 \xdf\xbf\xdf\u0080\xc2\xc2\x80 \xc2"},
	)
	for i := range units {
		checkJSONL(t, &units[i])
	}
}

// FuzzJSONL checks JSONLWriter against encoding/json.
func FuzzJSONL(f *testing.F) {
	f.Add("doc", 3, "Мы\tтут.", "We\u2028are here.", "sp", "code", "msg \"q\"", "", 0, 5, 0.615)
	f.Add("\xff", -1, "", "\x00", "", "", "", "tgt", -3, 0, 1e300)
	f.Fuzz(func(t *testing.T, doc string, bead int, src, tgt, speech, code, msg, side string, start, end int, score float64) {
		u := corpora.Unit{Doc: doc, Bead: bead, Src: []int{bead, 2}, SrcText: src, TgtText: tgt, Speech: speech, Speaker: msg, Score: score}
		if code != "" {
			u.Notes = []corpora.Note{{Code: code, Severity: side, Message: msg, Side: side, Start: start, End: end, Suggestion: code}}
		}
		checkJSONL(t, &u)
	})
}
