#!/usr/bin/env bash
# Benchmarks align speeches end to end on corpora built deterministically
# from the sample, and prints documents/s, sentence pairs/s and peak
# memory, measured with GNU time (/usr/bin/time -v, Debian package time),
# with the sentences/s (source and target) and the stages of the run.
#
#   scripts/bench.sh            # 2,000 document pairs and one 100,000-sentence pair
#   DOCS=500 LONG=20000 scripts/bench.sh
#   SWEEP="1000 4000 16000" scripts/bench.sh   # also corpora of these sizes, to see
#                                              # how peak memory follows the corpus
set -euo pipefail
cd "$(dirname "$0")/.."
DOCS="${DOCS:-2000}"
LONG="${LONG:-100000}"
SWEEP="${SWEEP:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x /usr/bin/time ]; then
	echo "bench: /usr/bin/time is missing; install it with: apt-get install time" >&2
	exit 2
fi
go build -o "$work/align" ./cmd/align
go run ./internal/gencorpus -from testdata/speeches -docs "$DOCS" -o "$work/many"
go run ./internal/gencorpus -from testdata/speeches -long "$LONG" -o "$work/long"

measure() { # name, then the command
	local name="$1"; shift
	/usr/bin/time -v "$@" 2>"$work/time.txt" >/dev/null || { cat "$work/time.txt"; exit 1; }
	local secs peak
	secs=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time.txt")
	peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
	echo "$name $secs $peak"
}

report() { # name, out folder, seconds, peak KiB, documents
	local name="$1" out="$2" secs="$3" peak="$4" docs="$5"
	local pairs src
	pairs=$(wc -l <"$out/corpus.en")
	src=$(awk -F'\t' 'NR>1 && $3!="" {n+=split($3,a,",")} END {print n+0}' "$out/corpus.tsv")
	awk -v n="$name" -v s="$secs" -v p="$peak" -v d="$docs" -v pr="$pairs" -v src="$src" 'BEGIN {
		printf "%-10s %6d docs %8d source sentences %8d aligned pairs  %7.2f s  %8.1f docs/s  %9.0f pairs/s  peak %6.1f MB\n",
			n, d, src, pr, s, d/s, pr/s, p/1024 }'
	# The sentences per second (source and target) and the stages, as
	# the run's summary gives them.
	sed -n 's/^time: [^,]*, \([0-9]*\) sentences\/s (\(.*\))$/           \1 sentences\/s; stages: \2/p' "$work/time.txt"
}

read -r _ secs peak < <(measure many "$work/align" speeches --quiet --force "$work/many/ru" "$work/many/en" -o "$work/out-many")
report "corpus" "$work/out-many" "$secs" "$peak" "$DOCS"
read -r _ secs peak < <(measure long "$work/align" speeches --quiet --force "$work/long/ru" "$work/long/en" -o "$work/out-long")
report "long pair" "$work/out-long" "$secs" "$peak" 1

for n in $SWEEP; do
	go run ./internal/gencorpus -from testdata/speeches -docs "$n" -o "$work/sweep"
	read -r _ secs peak < <(measure sweep "$work/align" speeches --quiet --force "$work/sweep/ru" "$work/sweep/en" -o "$work/out-sweep")
	report "sweep" "$work/out-sweep" "$secs" "$peak" "$n"
	rm -rf "$work/sweep" "$work/out-sweep"
done
