package report

import (
	"fmt"
	"sort"
)

// chart is an SVG bar chart laid out when the report is written, so the
// file needs no script to draw it.
type chart struct {
	ID, Title, Caption string
	Width, Height      int
	Bars               []bar
	Ticks              []tick
	Empty              string // shown instead when there is nothing to draw
}

// bar is one bar with its label and value positioned. Set, when not
// empty, is the filter a click on the bar sets, as "name=value".
type bar struct {
	Label, Value, Class, Set, Tip string
	X, Y, W, H                    float64
	LX, LY, VX, VY                float64
	Anchor                        string // text-anchor of the label
}

type tick struct {
	Label string
	X, Y  float64
}

type count struct {
	Key   string
	N     int
	Class string
	Set   string
}

// byCount sorts counts by descending number, then key: a defined order.
func byCount(cs []count) {
	sort.Slice(cs, func(i, j int) bool {
		if cs[i].N != cs[j].N {
			return cs[i].N > cs[j].N
		}
		return cs[i].Key < cs[j].Key
	})
}

const (
	chartWidth = 340
	rowHeight  = 24
	labelWidth = 118
)

// hbars lays out one horizontal bar per count, the longest bar for the
// largest count.
func hbars(id, title, caption, empty string, cs []count) chart {
	c := chart{ID: id, Title: title, Caption: caption, Width: chartWidth, Height: max(1, len(cs))*rowHeight + 8}
	if len(cs) == 0 {
		c.Empty = empty
		return c
	}
	top := 1
	for _, x := range cs {
		top = max(top, x.N)
	}
	span := float64(chartWidth - labelWidth - 48)
	for i, x := range cs {
		y := float64(4 + i*rowHeight)
		w := max(2, span*float64(x.N)/float64(top))
		c.Bars = append(c.Bars, bar{
			Label: x.Key, Value: fmt.Sprint(x.N), Class: x.Class, Set: x.Set,
			Tip: fmt.Sprintf("%s: %d", x.Key, x.N),
			X:   labelWidth, Y: y + 3, W: w, H: rowHeight - 8,
			LX: labelWidth - 8, LY: y + rowHeight/2 + 1, Anchor: "end",
			VX: labelWidth + w + 6, VY: y + rowHeight/2 + 1,
		})
	}
	return c
}

// scoreBins is the number of bars of the score histogram: one per 0.1.
const scoreBins = 10

// scoreBin is the bar of the histogram that counts score s.
func scoreBin(s float64) int { return min(scoreBins-1, max(0, int(s*scoreBins))) }

// histogram lays out the distribution of scores, n[i] of them in bin i
// (scoreBin); bins under reviewBelow are drawn as needing review.
func histogram(n [scoreBins]int, reviewBelow float64) chart {
	const bins, h, base = scoreBins, 150, 130
	c := chart{ID: "chart-scores", Title: "Score distribution", Width: chartWidth, Height: h + 8,
		Caption: fmt.Sprintf("Aligned beads by score; bins below %.2f need review.", reviewBelow)}
	top := 0
	for _, k := range n {
		top = max(top, k)
	}
	if top == 0 {
		c.Empty = "No aligned beads."
		return c
	}
	left, step := 16.0, float64(chartWidth-36)/bins
	for i, k := range n {
		lo := float64(i) / bins
		hgt := float64(base-16) * float64(k) / float64(top)
		if k > 0 {
			hgt = max(hgt, 2)
		}
		cls := "good"
		switch {
		case lo+0.1 <= reviewBelow:
			cls = "low"
		case lo < 0.8:
			cls = "mid"
		}
		x := left + float64(i)*step
		c.Bars = append(c.Bars, bar{
			Value: fmt.Sprint(k), Class: cls, Set: fmt.Sprintf("score=%.1f-%.1f", lo, lo+0.1),
			Tip: fmt.Sprintf("score %.1f–%.1f: %d beads", lo, lo+0.1, k),
			X:   x + 2, Y: base - hgt, W: step - 4, H: hgt,
			VX: x + step/2, VY: base - hgt - 4,
		})
	}
	for i := 0; i <= bins; i += 2 {
		c.Ticks = append(c.Ticks, tick{Label: fmt.Sprintf("%.1f", float64(i)/bins), X: left + float64(i)*step, Y: base + 16})
	}
	return c
}
