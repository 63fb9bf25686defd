package similarity

import "math"

// dependence scales estimated weights down: the words of a sentence are
// not independent evidence (a sentence with one matched word tends to
// have more), and naive sums of their log-likelihood ratios would be
// overconfident.
const dependence = 0.5

// EstimateWeights estimates the gain and loss of every kind of evidence
// from sentence pairs believed to be translations (src[k] with tgt[k],
// such as the confident beads of a first pass): the gain of a kind is
// log(P(match | translations) / P(match | unrelated)), its loss
// log(P(miss | unrelated) / P(miss | translations)), where unrelated
// pairs are src[k] with tgt[k+n/2]. Rates are smoothed (add one), and a
// kind seen fewer than minSeen times keeps its default weights. With
// fewer than two pairs it returns DefaultWeights. opt.Lexicon is the one
// the weights are for.
func EstimateWeights(src, tgt []string, opt Options) Weights {
	n := min(len(src), len(tgt))
	if n < 2 {
		return DefaultWeights()
	}
	p := Prepare(src[:n], tgt[:n], opt)
	pairs := make([]PreparedPair, n)
	for k := range pairs {
		pairs[k] = PreparedPair{p, k, k}
	}
	return EstimateWeightsPrepared(pairs, opt.Lexicon)
}

// PreparedPair names a pair of sentences believed to be translations by
// their numbers on either side of a prepared document pair.
type PreparedPair struct {
	P        *Prepared
	Src, Tgt int
}

// EstimateWeightsPrepared is EstimateWeights over sentences already
// prepared (by Prepare, for an alignment), with the lexicon lex: it
// gives the same weights without extracting their evidence again.
func EstimateWeightsPrepared(pairs []PreparedPair, lex *Lexicon) Weights {
	const minSeen = 50
	out := DefaultWeights()
	n := len(pairs)
	if n < 2 {
		return out
	}
	ss, ts := make([]sentence, n), make([]sentence, n)
	parallel(n, func(k int) {
		pp := pairs[k]
		ss[k] = finish(&pp.P.src[pp.Src], lex, true)
		ts[k] = finish(&pp.P.tgt[pp.Tgt], lex, false)
	})
	var seenT, matchT, seenR, matchR [kindPunct + 1]float64
	count := func(a, b []sentence) {
		for k := range a {
			for _, w := range a[k].words {
				if w.kind == kindNone {
					continue
				}
				seenT[w.kind]++
				if found(w.concepts, b[k:k+1]) {
					matchT[w.kind]++
				}
				r := (k + n/2) % n
				seenR[w.kind]++
				if found(w.concepts, b[r:r+1]) {
					matchR[w.kind]++
				}
			}
		}
	}
	count(ss, ts)
	count(ts, ss)
	for k := kindNumber; k <= kindPunct; k++ {
		if seenT[k] < minSeen {
			continue
		}
		pt := (matchT[k] + 1) / (seenT[k] + 2)
		pr := (matchR[k] + 1) / (seenR[k] + 2)
		g := math.Max(0, math.Log(pt/pr))
		l := math.Max(0, math.Log((1-pr)/(1-pt)))
		if k == kindLatin || k == kindName {
			// Counted on the source side only: they stand for both
			// sides' evidence, which side halves.
			g, l = 2*g, 2*l
		}
		out.gain[k], out.loss[k] = dependence*g, dependence*l
	}
	return out
}
