// Package names finds the personal names that one corpus spells in
// several ways ("Sadyr" and "Sadir", "Grigoryevich" and "Grigorievich"),
// groups the spellings of each name, says which transliteration scheme
// each spelling follows, suggests one spelling and says why, and shows
// how the spellings differ, character by character.
//
// An Index takes English texts (AddEnglish) and aligned beads (AddPair,
// the Russian side with its English translation). Name words are found
// with lang.Names. Spellings are grouped when
//   - their match keys are equal (lang.Key folds y/i, zh/j, kh/h,
//     ye/ie/e, ts/tz and doubled letters);
//   - they render the same Russian name in aligned beads (the Russian
//     word of the bead whose key is nearest, its case ending removed by
//     lang.NameStem);
//   - or, with different keys, they have the same role, one key is the
//     other with a short name ending added (Nikol, Nikolay) or one letter
//     changed (Alexander, Aleksandr), and they stand next to the same
//     name word somewhere (Nikol Vovayevich, Nikolay Vovayevich).
//
// What is never joined: a name and a patronymic (Vladimir, Vladimirovich),
// a name and its derived forms (Ivanov, Ivanova; Alexander, Alexandrovich),
// spellings whose keys differ and that share no neighbour.
//
// The suggested spelling is, in order: an official spelling from the
// allow list (built in, extended with Options.Official); the house
// scheme's rendering of the Russian name (Options.Scheme, Wikipedia by
// default); the most frequent spelling. The Russian name is the one
// linked in aligned beads, or else the likely reading of the spellings
// (lang.Cyrillic).
//
// Groups returns a fresh, deterministic result each time; output never
// depends on map order. An Index is not safe for concurrent use; the
// Groups it returns are plain values.
package names
