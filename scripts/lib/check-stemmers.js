// Checks the browser's stemmers (templates/assets/search.js) against libstemmer's output, word by word.
// Usage: node scripts/lib/check-stemmers.js   (run by scripts/site-gates)
"use strict";
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..", "..");
const search = require(path.join(root, "templates/assets/search.js"));
let failures = 0, total = 0;
for (const [language, stem] of [["russian", search.stemRussian], ["english", search.stemEnglish]]) {
  const lines = fs.readFileSync(path.join(root, "Tests/DochouseKitTests/Fixtures/stemmer", language + ".tsv"), "utf8").split("\n");
  for (const line of lines) {
    if (!line) continue;
    const [word, expected] = line.split("\t");
    total++;
    const got = stem(word);
    if (got !== expected) {
      failures++;
      if (failures <= 30) console.error(`${language}: ${word} -> ${got}, libstemmer says ${expected}`);
    }
  }
}
// The tokenizer: the same lines give the same terms as SearchTokenizer.swift (StemmerTests checks the Swift side).
for (const line of fs.readFileSync(path.join(root, "Tests/DochouseKitTests/Fixtures/stemmer/tokenizer.tsv"), "utf8").split("\n")) {
  if (!line) continue;
  const [text, expected] = line.split("\t");
  total++;
  const got = search.tokens(text).map(search.stemToken).join(" ");
  if (got !== expected) { failures++; console.error(`tokenizer: ${text} -> ${got}, expected ${expected}`); }
}
console.log(`stemmers and tokenizer (JS): ${total - failures}/${total} agree (libstemmer words, then Swift tokenizer lines)`);
process.exit(failures === 0 ? 0 : 1);
