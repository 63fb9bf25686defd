package pipeline

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/align-tools/align/align"
	"github.com/align-tools/align/corpora"
	"github.com/align-tools/align/lang"
	"github.com/align-tools/align/similarity"
	"github.com/align-tools/align/transcript"
)

// SpeechPair is one pairing of a source and a target speech in a run.
type SpeechPair struct {
	Src, Tgt   string  // "doc" or "doc#N", as the mapping file names them
	Speaker    string  // the speaker's name, empty when unknown
	Confidence float64 // 0 to 1; 1 for a pairing from the mapping file
	Reason     string  // the evidence
}

// SpeechAlone is a speech, or the lead and boilerplate paragraphs of a
// document, left without a counterpart: reported, and written as
// unaligned units, never forced onto another speech.
type SpeechAlone struct {
	Side      string // "src" or "tgt"
	Ref       string // "doc", "doc#N", "doc (lead)" or "doc (boilerplate)"
	Speaker   string
	Sentences int
	Reason    string
}

// speechJob is one section pair to align: sentences of a source and of a
// target document.
type speechJob struct {
	name            string // Unit.Doc
	sp, tp          *parsedDoc
	srcIdx, tgtIdx  []int // document-wide 0-based numbers of the job's sentences
	speech, speaker string
	order           int // the first source sentence (1-based; 0 when none), to order jobs
	// byRole: the job holds whole documents, and each unit takes its
	// speech and speaker from the section of its first sentence.
	byRole bool
	// first is the job's first-pass alignment (learnJobs), which the
	// second pass searches around and takes its shape priors from.
	first align.Beads
	// prep is the lexicon-free evidence of the first pass, which the
	// second shares; alignJobs drops it when done.
	prep *similarity.Prepared
	// self marks a long document the first pass left out, which learns
	// from itself (Options.selfLearn).
	self bool
}

// parsedDoc is a split document with its structure.
type parsedDoc struct {
	doc   *Doc
	st    *transcript.Structure
	roles []transcript.Role
	cands []transcript.Candidate
	// bySection holds the numbers of the sentences of each section, its
	// heading included; outside those of the sentences in no section,
	// by kind (Lead or Boilerplate).
	bySection [][]int
	outside   [transcript.Boilerplate + 1][]int
}

func parseDoc(d *Doc) *parsedDoc {
	st := transcript.Parse(d.Lang, d.Text)
	d.Sentences = st.SplitBoilerplate(d.Sentences)
	p := &parsedDoc{doc: d, st: st, roles: st.Assign(d.Sentences)}
	count := make([]int, len(st.Sections))
	for _, r := range p.roles {
		if r.Section >= 0 {
			count[r.Section]++
		}
	}
	p.bySection = make([][]int, len(st.Sections))
	for k, n := range count {
		p.bySection[k] = make([]int, 0, n)
	}
	for i, r := range p.roles {
		switch {
		case r.Section >= 0:
			p.bySection[r.Section] = append(p.bySection[r.Section], i)
		case int(r.Kind) < len(p.outside):
			p.outside[r.Kind] = append(p.outside[r.Kind], i)
		}
	}
	// The candidate's text is that of its sentences, joined by spaces,
	// so what is compared is what will be aligned; the heading is left
	// out, as transcript.Candidates leaves it out.
	p.cands = st.CandidatesWith(d.Name, func(k int) string {
		n := 0
		for _, i := range p.bySection[k] {
			if p.roles[i].Kind == transcript.Speech {
				n += 1 + len(d.Sentence(i))
			}
		}
		var text strings.Builder
		text.Grow(n)
		for _, i := range p.bySection[k] {
			if p.roles[i].Kind == transcript.Speech {
				if text.Len() > 0 {
					text.WriteByte(' ')
				}
				text.WriteString(d.Sentence(i))
			}
		}
		return text.String()
	})
	return p
}

// paired drops what only the pairing of speeches needs: the text of
// every speech, as long as the document.
func (p *parsedDoc) paired() { p.cands = nil }

// sentencesOfKind returns the numbers of the sentences of kind k that
// belong to no section (Lead or Boilerplate).
func (p *parsedDoc) sentencesOfKind(k transcript.Kind) []int {
	if int(k) >= len(p.outside) {
		return nil
	}
	return slices.Clip(p.outside[k])
}

// sentencesOf returns the numbers of the sentences of section k, its
// heading included.
func (p *parsedDoc) sentencesOf(k int) []int {
	return slices.Clip(p.bySection[k])
}

// eachParallel runs work(i) for i in [0, n) on up to jobs goroutines,
// each taking the next i as soon as it is free, and returns the results
// in the order of i. When ctx is done it returns ctx.Err() at once: work
// already running goes on in the background and its results are
// dropped (as ordered does). Unlike ordered it keeps every result until
// the end, for work whose results are all kept anyway.
func eachParallel[T any](ctx context.Context, n, jobs int, work func(i int) T) ([]T, error) {
	out := make([]T, n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(max(jobs, 1), n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				out[i] = work(i)
			}
		}()
	}
	done := make(chan struct{})
	go func() {
		wg.Wait()
		close(done)
	}()
	select {
	case <-done:
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		return out, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// sameName is the reason of a pairing of two files of the same name that
// hold one speech each.
const sameName = "same file name"

// pairGroup pairs the speeches of a group of source documents with those
// of a group of target documents and makes the jobs. byName says the
// group is two files of the same name.
func pairGroup(sum *Summary, src, tgt []*parsedDoc, fixed []transcript.Fixed, byName bool) ([]*speechJob, error) {
	if !byName {
		return pairSections(sum, src, tgt, fixed, false)
	}
	// Two files of the same name correspond: their speeches are aligned
	// apart when they pair one to one and nothing is left over;
	// otherwise the documents are aligned whole, as they always were,
	// and no sentence is lost.
	sp, tp := src[0], tgt[0]
	if n := len(sp.cands) * len(tp.cands); n > maxSectionPairs {
		// Pairing compares every speech with every other: for a book
		// or an archive page of thousands of turns that costs more than
		// aligning the two documents whole, which the aligner does in
		// time close to linear.
		j := newJob(sp, tp, allSentences(sp), allSentences(tp))
		j.byRole = true
		sum.Speeches = append(sum.Speeches, SpeechPair{Src: sp.doc.Name, Tgt: tp.doc.Name, Confidence: 1,
			Reason: fmt.Sprintf("same file name; aligned whole, since %d and %d speeches are too many to pair one by one", len(sp.cands), len(tp.cands))})
		return []*speechJob{j}, nil
	}
	var local Summary
	jobs, err := pairSections(&local, src, tgt, fixed, true)
	if err != nil {
		return nil, err
	}
	if len(local.SpeechesAlone) == 0 {
		sum.Speeches = append(sum.Speeches, local.Speeches...)
		return jobs, nil
	}
	j := newJob(sp, tp, allSentences(sp), allSentences(tp))
	j.byRole = true
	sum.Speeches = append(sum.Speeches, SpeechPair{Src: sp.doc.Name, Tgt: tp.doc.Name, Confidence: 1,
		Reason: fmt.Sprintf("same file name; aligned whole, since its speeches do not pair one to one (%d and %d recognised, %d left over)",
			len(sp.cands), len(tp.cands), len(local.SpeechesAlone))})
	return []*speechJob{j}, nil
}

// maxSectionPairs bounds the speech pairs compared when two files of the
// same name are paired speech by speech.
const maxSectionPairs = 40_000

// allSentences returns the numbers of all sentences of p.
func allSentences(p *parsedDoc) []int {
	out := make([]int, len(p.doc.Sentences))
	for i := range out {
		out[i] = i
	}
	return out
}

// pairSections pairs the sections of the documents of a group and makes
// the jobs: one per pair of sections, and one per kind of the lead and
// boilerplate of each document pair.
func pairSections(sum *Summary, src, tgt []*parsedDoc, fixed []transcript.Fixed, byName bool) ([]*speechJob, error) {
	type ref struct{ doc, sec int }
	var sc, tc []transcript.Candidate
	var sr, tr []ref
	for d, p := range src {
		for k, c := range p.cands {
			sc = append(sc, c)
			sr = append(sr, ref{d, k})
		}
	}
	for d, p := range tgt {
		for k, c := range p.cands {
			tc = append(tc, c)
			tr = append(tr, ref{d, k})
		}
	}
	var pairing *transcript.Pairing
	if byName && len(sc) == 1 && len(tc) == 1 {
		// Two files of the same name holding one speech each: the name
		// pairs them, as it always did.
		pairing = &transcript.Pairing{Matches: []transcript.Match{{Confidence: 1, Reason: sameName}}}
	} else {
		var err error
		if pairing, err = transcript.Pair(sc, tc, fixed); err != nil {
			return nil, err
		}
	}
	var jobs []*speechJob
	shared := map[[2]int]int{} // speeches paired between two documents
	for _, m := range pairing.Matches {
		s, t := sr[m.Src], tr[m.Tgt]
		shared[[2]int{s.doc, t.doc}]++
		sp, tp := src[s.doc], tgt[t.doc]
		j := newJob(sp, tp, sp.sentencesOf(s.sec), tp.sentencesOf(t.sec))
		j.speech, j.speaker = speechLabel(sp, s.sec, tp, t.sec)
		jobs = append(jobs, j)
		sum.Speeches = append(sum.Speeches, SpeechPair{
			Src: sc[m.Src].Ref(), Tgt: tc[m.Tgt].Ref(), Speaker: j.speaker,
			Confidence: m.Confidence, Reason: m.Reason,
		})
	}
	for _, a := range pairing.SrcAlone {
		r := sr[a.Index]
		sum.SpeechesAlone = append(sum.SpeechesAlone, SpeechAlone{Side: "src", Ref: sc[a.Index].Ref(),
			Speaker: sc[a.Index].Speaker.Name, Sentences: len(src[r.doc].sentencesOf(r.sec)), Reason: a.Reason})
	}
	for _, a := range pairing.TgtAlone {
		r := tr[a.Index]
		sum.SpeechesAlone = append(sum.SpeechesAlone, SpeechAlone{Side: "tgt", Ref: tc[a.Index].Ref(),
			Speaker: tc[a.Index].Speaker.Name, Sentences: len(tgt[r.doc].sentencesOf(r.sec)), Reason: a.Reason})
	}

	// Lead and boilerplate: each source document's with those of the
	// target document it shares most speeches with (the first by name on
	// a tie; the only one in a group of one of each). Lead and
	// boilerplate are aligned apart, so boilerplate stays in units of
	// its own.
	partner := make([]int, len(src))
	tgtTaken := make([]bool, len(tgt))
	for d := range src {
		best, bestN := -1, 0
		for t := range tgt {
			if n := shared[[2]int{d, t}]; !tgtTaken[t] && (n > bestN || len(src) == 1 && len(tgt) == 1) {
				best, bestN = t, n
			}
		}
		partner[d] = best
		if best >= 0 {
			tgtTaken[best] = true
		}
	}
	alone := func(side string, p *parsedDoc, kind transcript.Kind, n int, reason string) {
		sum.SpeechesAlone = append(sum.SpeechesAlone, SpeechAlone{Side: side, Ref: p.doc.Name + " (" + kind.String() + ")",
			Sentences: n, Reason: reason})
	}
	for d, sp := range src {
		for _, kind := range []transcript.Kind{transcript.Lead, transcript.Boilerplate} {
			rest := sp.sentencesOfKind(kind)
			var trest []int
			if partner[d] >= 0 {
				trest = tgt[partner[d]].sentencesOfKind(kind)
			}
			switch {
			case len(rest) > 0 && len(trest) > 0:
				jobs = append(jobs, newJob(sp, tgt[partner[d]], rest, trest))
			case len(rest) > 0 && partner[d] >= 0:
				alone("src", sp, kind, len(rest), "the target document "+tgt[partner[d]].doc.Name+" has none")
			case len(rest) > 0:
				alone("src", sp, kind, len(rest), "no target document to take it from")
			case len(trest) > 0:
				alone("tgt", tgt[partner[d]], kind, len(trest), "the source document "+sp.doc.Name+" has none")
			}
		}
	}
	for t, tp := range tgt {
		for _, kind := range []transcript.Kind{transcript.Lead, transcript.Boilerplate} {
			if n := len(tp.sentencesOfKind(kind)); n > 0 && !tgtTaken[t] {
				alone("tgt", tp, kind, n, "no source document to take it from")
			}
		}
	}
	return jobs, nil
}

// speechLabel returns the Unit.Speech and Unit.Speaker of a section pair:
// the heading or label of the source, else of the target, else nothing
// (a file holding one speech that names nobody); the speaker as the target names them, else as
// the source does (Russian headings give names in the genitive,
// «Выступление ... Г.А.Жумабековой»; the target's name is the one a
// corpus user searches for).
func speechLabel(sp *parsedDoc, ss int, tp *parsedDoc, ts int) (string, string) {
	speech := sp.st.Title(ss)
	if speech == "" {
		speech = tp.st.Title(ts)
	}
	speaker := tp.st.Sections[ts].Speaker.Name
	if speaker == "" {
		speaker = sp.st.Sections[ss].Speaker.Name
	}
	return speech, speaker
}

// leftoverJobs returns a job for the sentences of every document that no
// job takes: speeches left alone, lead and boilerplate paragraphs without
// a counterpart, whole files without a partner. Their units have one
// empty side, so every sentence read reaches the corpus, marked as
// unaligned, and nothing is forced onto a speech it does not translate.
func leftoverJobs(jobs []*speechJob, src, tgt map[string]*parsedDoc) []*speechJob {
	taken := map[*parsedDoc][]bool{}
	mark := func(p *parsedDoc, idx []int) {
		if p == nil {
			return
		}
		if taken[p] == nil {
			taken[p] = make([]bool, len(p.doc.Sentences))
		}
		for _, i := range idx {
			taken[p][i] = true
		}
	}
	for _, j := range jobs {
		mark(j.sp, j.srcIdx)
		mark(j.tp, j.tgtIdx)
	}
	rest := func(p *parsedDoc) []int {
		var out []int
		for i := range p.doc.Sentences {
			if taken[p] == nil || !taken[p][i] {
				out = append(out, i)
			}
		}
		return out
	}
	var out []*speechJob
	for _, n := range slices.Sorted(maps.Keys(src)) {
		if idx := rest(src[n]); len(idx) > 0 {
			out = append(out, &speechJob{name: n, sp: src[n], srcIdx: idx, order: idx[0] + 1, byRole: true})
		}
	}
	for _, n := range slices.Sorted(maps.Keys(tgt)) {
		if idx := rest(tgt[n]); len(idx) > 0 {
			out = append(out, &speechJob{name: n, tp: tgt[n], tgtIdx: idx, byRole: true})
		}
	}
	return out
}

// newJob makes the job aligning sentences si of sp with sentences ti of
// tp.
func newJob(sp, tp *parsedDoc, si, ti []int) *speechJob {
	name := sp.doc.Name
	if tp.doc.Name != name {
		name += "+" + tp.doc.Name
	}
	j := &speechJob{name: name, sp: sp, tp: tp, srcIdx: si, tgtIdx: ti}
	if len(si) > 0 {
		j.order = si[0] + 1
	}
	return j
}

// masked returns the document of p seen through sentences idx only:
// the same text (so offsets, line numbers and columns stay those of the
// file), with just those sentences, and which of them are boilerplate.
// Nothing is copied, so a page of many speeches costs no more than its
// length however many jobs it is cut into.
func masked(p *parsedDoc, idx []int) (*Doc, []bool) {
	if p == nil {
		return &Doc{Document: corpora.NewDocument("", language.Und, "")}, nil
	}
	sents := make([]lang.Sentence, len(idx))
	boil := make([]bool, len(idx))
	for k, i := range idx {
		sents[k] = p.doc.Sentences[i]
		boil[k] = p.roles[i].Kind == transcript.Boilerplate
	}
	return &Doc{Document: p.doc.Document, Sentences: sents}, boil
}

// alignJobs aligns the jobs of one output document (one Unit.Doc) and
// returns their units in the order of the source text: the units of a
// document's lead, boilerplate and speeches interleave as the paragraphs
// do, a unit with no source sentence staying after the unit it followed.
// Sentence numbers are those of the whole documents, beads are numbered
// from 1, and units holding boilerplate carry a note saying so.
func alignJobs(jobs []*speechJob, opt Options) (units []corpora.Unit, srcN, tgtN int, err error) {
	var all []corpora.Unit
	var keys []int
	for _, j := range jobs {
		// The masked documents are made here, one job at a time, so a
		// long transcript of many turns is not copied once per turn all
		// at once.
		src, srcBoil := masked(j.sp, j.srcIdx)
		tgt, tgtBoil := masked(j.tp, j.tgtIdx)
		o := opt
		if j.first != nil {
			o.Shapes = align.EstimateShapes(j.first, priorWeight)
			o.guide = j.first
		}
		o.selfLearn = j.self
		p, _ := alignPair(j.name, src, tgt, o, j.prep)
		j.prep = nil
		srcN += len(p.Src.Sentences)
		tgtN += len(p.Tgt.Sentences)
		units := p.Units()
		if err := checkComplete(p, units); err != nil {
			return nil, 0, 0, err
		}
		key := j.order
		for _, u := range units {
			u.Doc = j.name
			u.Speech, u.Speaker = j.speech, j.speaker
			if j.byRole {
				u.Speech, u.Speaker = j.roleLabel(u.Src, u.Tgt)
			}
			boil := false
			for n, id := range u.Src {
				boil = boil || srcBoil[id-1]
				u.Src[n] = j.srcIdx[id-1] + 1
			}
			for n, id := range u.Tgt {
				boil = boil || tgtBoil[id-1]
				u.Tgt[n] = j.tgtIdx[id-1] + 1
			}
			if boil {
				u.Notes = append(u.Notes, corpora.Note{Code: "boilerplate", Severity: "info",
					Message: "site boilerplate (navigation, contacts, dates), not part of any speech"})
			}
			if len(u.Src) > 0 {
				key = u.Src[0]
			}
			all = append(all, u)
			keys = append(keys, key)
		}
	}
	idx := make([]int, len(all))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	out := make([]corpora.Unit, len(all))
	for k, i := range idx {
		out[k] = all[i]
		out[k].Bead = k + 1
	}
	return out, srcN, tgtN, nil
}

// roleLabel returns the speech and speaker of a unit of a whole-document
// job: those of the section of its first source sentence, or of its
// first target sentence when it has no source; nothing outside sections.
// src and tgt are the job-local 1-based sentence numbers.
func (j *speechJob) roleLabel(src, tgt []int) (string, string) {
	p, idx := j.sp, j.srcIdx
	if len(src) == 0 {
		p, idx, src = j.tp, j.tgtIdx, tgt
	}
	if len(src) == 0 {
		return "", ""
	}
	r := p.roles[idx[src[0]-1]]
	if r.Section < 0 {
		return "", ""
	}
	return p.st.Title(r.Section), p.st.Sections[r.Section].Speaker.Name
}

// groupJobs splits jobs, sorted by name, into runs of one name.
func groupJobs(jobs []*speechJob) [][]*speechJob {
	var out [][]*speechJob
	for i := 0; i < len(jobs); {
		k := i + 1
		for k < len(jobs) && jobs[k].name == jobs[i].name {
			k++
		}
		out = append(out, jobs[i:k])
		i = k
	}
	return out
}

// writeSpeeches prints the table of speeches paired and left alone. Files
// of the same name holding one speech each are counted, not listed; when
// there is nothing else to say it prints nothing.
func (s *Summary) writeSpeeches(w io.Writer) {
	plain := func(p SpeechPair) bool { return p.Src == p.Tgt && p.Reason == sameName }
	var listed []SpeechPair
	for _, p := range s.Speeches {
		if !plain(p) {
			listed = append(listed, p)
		}
	}
	var alone []SpeechAlone
	for _, a := range s.SpeechesAlone {
		// A file alone for want of any partner is listed as such.
		if a.Reason != transcript.NoCandidate {
			alone = append(alone, a)
		}
	}
	if len(listed) == 0 && len(alone) == 0 {
		return
	}
	fmt.Fprintf(w, "speeches paired: %d", len(s.Speeches))
	if n := len(s.Speeches) - len(listed); n > 0 {
		fmt.Fprintf(w, " (%d files of the same name holding one speech each not listed)", n)
	}
	fmt.Fprintln(w)
	shown, rest := leastConfident(listed, maxListed)
	for _, p := range shown {
		sp := p.Speaker
		if sp == "" {
			sp = "-"
		}
		fmt.Fprintf(w, "  %-20s %-20s %-24s %.2f  %s\n", p.Src, p.Tgt, sp, p.Confidence, p.Reason)
	}
	if rest > 0 {
		fmt.Fprintf(w, "  ... and %d more, each with a confidence of at least %.2f\n", rest, shown[len(shown)-1].Confidence)
	}
	if len(alone) > 0 {
		fmt.Fprintf(w, "left alone (written as unaligned): %d\n", len(alone))
		for k, a := range alone {
			if k == maxListed {
				fmt.Fprintf(w, "  ... and %d more\n", len(alone)-k)
				break
			}
			sp := a.Speaker
			if sp == "" {
				sp = "-"
			}
			fmt.Fprintf(w, "  %s %-20s %-24s %3d sentences: %s\n", a.Side, a.Ref, sp, a.Sentences, a.Reason)
		}
	}
}

// maxListed is how many speech pairings, and how many speeches left
// alone, the summary lists at most: a corpus of thousands of pages would
// bury the rest of the summary.
const maxListed = 40

// leastConfident returns the n pairings of ps with the lowest
// confidence, the ones to check first, lowest first (ties in the order
// of ps), and how many it left out. With n or fewer it returns ps.
func leastConfident(ps []SpeechPair, n int) ([]SpeechPair, int) {
	if len(ps) <= n {
		return ps, 0
	}
	idx := make([]int, len(ps))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(ps[a].Confidence, ps[b].Confidence) })
	out := make([]SpeechPair, n)
	for k, i := range idx[:n] {
		out[k] = ps[i]
	}
	return out, len(ps) - n
}

// trimDocExt drops the file name extension of a document a mapping file
// names ("putin.html#2" becomes "putin#2") when it is one of the formats
// read, since documents pair by their names without extension.
func trimDocExt(ref string) string {
	doc, num, hasNum := strings.Cut(ref, "#")
	ext := filepath.Ext(doc)
	for _, e := range corpora.Extensions {
		if strings.EqualFold(ext, e) {
			doc = strings.TrimSuffix(doc, ext)
			break
		}
	}
	if hasNum {
		return doc + "#" + num
	}
	return doc
}

// languageWarning says when a document reads as another language than
// the one its folder is for ("English in the Russian folder"). It knows
// Russian and English, the languages lang.Guess tells apart, and says
// nothing for other tags or short texts.
func languageWarning(d *corpora.Document, want language.Tag) string {
	wb, _ := want.Base()
	if wb.String() != "ru" && wb.String() != "en" || len(d.Text) < 40 {
		return ""
	}
	got, conf := lang.Guess(d.Text)
	gb, _ := got.Base()
	if gb == wb || conf < 0.8 {
		return ""
	}
	return fmt.Sprintf("%s: reads as %s, not %s (confidence %.2f); check that the file is in the right folder, or give --src and --tgt",
		d.Path, lang.EnglishName(got), lang.EnglishName(want), conf)
}

// notTranslations warns when the units of one output document look like
// two texts that do not translate each other, and returns "" otherwise.
// A corpus of such pairs is worse than none, so the run says so rather
// than write it silently. Two signs, either enough:
//   - most sentences of each side end up unaligned or in beads of low
//     confidence (of each side: when one document quotes parts of the
//     other, most of the longer one is rightly unaligned, but the
//     shorter one is aligned);
//   - the lengths of paired segments do not go together: across the
//     documents of align-dev the correlation of source and target
//     lengths over the beads of a document is never below 0.8 (at ten
//     beads or more); for unrelated texts it is near 0.
//
// Each sign needs ten beads or sentences on a side to judge.
func notTranslations(units []corpora.Unit) string {
	var src, tgt, weakSrc, weakTgt int
	var xs, ys []float64
	for i := range units {
		u := &units[i]
		src += len(u.Src)
		tgt += len(u.Tgt)
		if !u.Aligned() || u.Score < 0.3 {
			weakSrc += len(u.Src)
			weakTgt += len(u.Tgt)
		}
		if u.Aligned() {
			xs = append(xs, float64(utf8.RuneCountInString(u.SrcText)))
			ys = append(ys, float64(utf8.RuneCountInString(u.TgtText)))
		}
	}
	if src < 10 || tgt < 10 {
		return ""
	}
	if share := math.Min(float64(weakSrc)/float64(src), float64(weakTgt)/float64(tgt)); share >= 0.6 {
		return fmt.Sprintf("%s: %.0f%% of the sentences of each side are unaligned or weakly aligned; the two files may not be translations of each other: check the pairing (--pairs) or leave them out",
			units[0].Doc, 100*share)
	}
	if r := correlation(xs, ys); len(xs) >= 10 && r < 0.5 {
		return fmt.Sprintf("%s: the lengths of paired sentences do not go together (correlation %.2f, translations show 0.8 or more); the two files may not be translations of each other: check the pairing (--pairs) or leave them out",
			units[0].Doc, r)
	}
	return ""
}

// correlation is Pearson's correlation of xs and ys; 1 when either does
// not vary.
func correlation(xs, ys []float64) float64 {
	n := float64(len(xs))
	if n == 0 {
		return 1
	}
	var mx, my float64
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx, my = mx/n, my/n
	var cov, vx, vy float64
	for i := range xs {
		dx, dy := xs[i]-mx, ys[i]-my
		cov += dx * dy
		vx += dx * dx
		vy += dy * dy
	}
	if vx == 0 || vy == 0 {
		return 1
	}
	return cov / math.Sqrt(vx*vy)
}

// checkCover verifies that the jobs take every sentence of every
// document they name exactly once.
func checkCover(jobs []*speechJob) error {
	seen := map[*parsedDoc][]int{}
	var docs []*parsedDoc // in the order of the jobs, so the error named is always the same
	count := func(p *parsedDoc, idx []int) {
		if p == nil {
			return
		}
		if seen[p] == nil {
			seen[p] = make([]int, len(p.doc.Sentences))
			docs = append(docs, p)
		}
		for _, i := range idx {
			seen[p][i]++
		}
	}
	for _, j := range jobs {
		count(j.sp, j.srcIdx)
		count(j.tp, j.tgtIdx)
	}
	for _, p := range docs {
		for i, c := range seen[p] {
			if c != 1 {
				return fmt.Errorf("pipeline: %s: sentence %d goes to %d speech pairs, not one", p.doc.Path, i+1, c)
			}
		}
	}
	return nil
}
