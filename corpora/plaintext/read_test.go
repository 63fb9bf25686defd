package plaintext_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/corpora/plaintext"
)

// segmentUnits are the sample units as the line writers write them: text
// on one line, characters kept.
func segmentUnits() []corpora.Unit {
	us := corpora.SampleUnits()
	for i := range us {
		us[i].SrcText = corpora.Segment(us[i].SrcText)
		us[i].TgtText = corpora.Segment(us[i].TgtText)
		us[i].Score = float64(int(us[i].Score*100+0.5)) / 100
	}
	return us
}

func TestJSONLRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	w := plaintext.NewJSONLWriter(&buf)
	for _, u := range corpora.SampleUnits() {
		w.Write(&u)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	got, err := plaintext.ReadJSONL(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := segmentUnits()
	want[1].Score = 0.61 // FormatScore rounds half to even
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	if _, err := plaintext.ReadJSONL(strings.NewReader("{\"document\":\"a\"}\n{oops\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("ReadJSONL: %v, want an error on line 2", err)
	}
}
