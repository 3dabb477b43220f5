/* dochouse site script: search box, copy buttons. No dependencies, nothing from the network but the page's own
 * search index. The stemmers mirror Sources/DochouseKit/Render/Search/{Russian,English}Stemmer.swift line for line,
 * and the tokenizer mirrors SearchTokenizer.swift: the query must be cut and stemmed exactly as the index was.
 * scripts/site-gates checks both stemmers against libstemmer's output (Tests/DochouseKitTests/Fixtures/stemmer). */
(function () {
  "use strict";

  // ---- Snowball Russian -------------------------------------------------------------------------------------
  var RU_VOWELS = "аеиоуыэюя";
  function isRuVowel(c) { return RU_VOWELS.indexOf(c) >= 0; }
  function goPast(test, w, from) {
    for (var i = from; i < w.length; i++) if (test(w[i])) return i + 1;
    return -1;
  }
  function longestSuffix(w, limit, suffixes) {
    var best = null;
    for (var i = 0; i < suffixes.length; i++) {
      var s = suffixes[i];
      if ((best === null || s.length > best.length) && w.length - s.length >= limit && w.endsWith(s)) best = s;
    }
    return best;
  }
  function afterAOrYa(w, limit, suffix) {
    var before = w.length - suffix.length - 1;
    return before >= limit && (w[before] === "а" || w[before] === "я");
  }
  function endsWithDoubled(w, limit, c) {
    return w.length - 2 >= limit && w[w.length - 1] === c && w[w.length - 2] === c;
  }
  var RU_GERUND_1 = ["в", "вши", "вшись"], RU_GERUND_2 = ["ив", "ивши", "ившись", "ыв", "ывши", "ывшись"];
  var RU_ADJECTIVE = ["ее", "ие", "ые", "ое", "ими", "ыми", "ей", "ий", "ый", "ой", "ем", "им", "ым",
    "ом", "его", "ого", "ему", "ому", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею"];
  var RU_PARTICIPLE_1 = ["ем", "нн", "вш", "ющ", "щ"], RU_PARTICIPLE_2 = ["ивш", "ывш", "ующ"];
  var RU_VERB_1 = ["ла", "на", "ете", "йте", "ли", "й", "л", "ем", "н", "ло", "но", "ет", "ют", "ны", "ть", "ешь", "нно"];
  var RU_VERB_2 = ["ила", "ыла", "ена", "ейте", "уйте", "ите", "или", "ыли", "ей", "уй", "ил", "ыл", "им",
    "ым", "ен", "ило", "ыло", "ено", "ят", "ует", "уют", "ит", "ыт", "ены", "ить", "ыть", "ишь", "ую", "ю"];
  var RU_NOUN = ["а", "ев", "ов", "ие", "ье", "е", "иями", "ями", "ами", "еи", "ии", "и", "ией", "ей",
    "ой", "ий", "й", "иям", "ям", "ием", "ем", "ам", "ом", "о", "у", "ах", "иях", "ях", "ы", "ь", "ию", "ью", "ю", "ия", "ья", "я"];

  function stemRussian(word) {
    var w = word.replace(/ё/g, "е");
    var pV = goPast(isRuVowel, w, 0);
    if (pV < 0) pV = w.length;
    var p2 = w.length;
    var notVowel = function (c) { return !isRuVowel(c); };
    var r1 = goPast(notVowel, w, pV);
    if (r1 >= 0) {
      var v = goPast(isRuVowel, w, r1);
      if (v >= 0) { var r2 = goPast(notVowel, w, v); if (r2 >= 0) p2 = r2; }
    }
    var limit = pV;
    var cut = function (n) { w = w.slice(0, w.length - n); };
    var s;
    var done = false;
    s = longestSuffix(w, limit, RU_GERUND_1.concat(RU_GERUND_2));
    if (s !== null) {
      if (RU_GERUND_1.indexOf(s) >= 0) { if (afterAOrYa(w, limit, s)) { cut(s.length); done = true; } }
      else { cut(s.length); done = true; }
    }
    if (!done) {
      s = longestSuffix(w, limit, ["ся", "сь"]);
      if (s !== null) cut(s.length);
      var matched = false;
      s = longestSuffix(w, limit, RU_ADJECTIVE);
      if (s !== null) {
        cut(s.length);
        matched = true;
        s = longestSuffix(w, limit, RU_PARTICIPLE_1.concat(RU_PARTICIPLE_2));
        if (s !== null) {
          if (RU_PARTICIPLE_2.indexOf(s) >= 0) cut(s.length);
          else if (afterAOrYa(w, limit, s)) cut(s.length);
        }
      }
      if (!matched) {
        s = longestSuffix(w, limit, RU_VERB_1.concat(RU_VERB_2));
        if (s !== null) {
          if (RU_VERB_1.indexOf(s) >= 0) { if (afterAOrYa(w, limit, s)) { cut(s.length); matched = true; } }
          else { cut(s.length); matched = true; }
        }
      }
      if (!matched) {
        s = longestSuffix(w, limit, RU_NOUN);
        if (s !== null) cut(s.length);
      }
    }
    if (longestSuffix(w, limit, ["и"]) !== null) cut(1);
    s = longestSuffix(w, limit, ["ост", "ость"]);
    if (s !== null && w.length - s.length >= p2) cut(s.length);
    s = longestSuffix(w, limit, ["ейш", "ейше", "н", "ь"]);
    if (s === "н") { if (endsWithDoubled(w, limit, "н")) cut(1); }
    else if (s === "ь") cut(1);
    else if (s !== null) { cut(s.length); if (endsWithDoubled(w, limit, "н")) cut(1); }
    return w;
  }

  // ---- Snowball English (Porter2) ---------------------------------------------------------------------------
  var EN_EXCEPTIONS = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie",
    idly: "idl", gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl",
    sky: "sky", news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes"
  };
  var EN_AFTER_1A = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];
  function isEnVowel(c) { return "aeiouy".indexOf(c) >= 0; }
  var STEP2 = [["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["entli", "ent"],
    ["izer", "ize"], ["ization", "ize"], ["ational", "ate"], ["ation", "ate"], ["ator", "ate"],
    ["alism", "al"], ["aliti", "al"], ["alli", "al"], ["fulness", "ful"], ["ousli", "ous"], ["ousness", "ous"],
    ["iveness", "ive"], ["iviti", "ive"], ["biliti", "ble"], ["bli", "ble"], ["ogi", "og"], ["fulli", "ful"],
    ["lessli", "less"], ["li", ""]];
  var STEP3 = [["tional", "tion"], ["ational", "ate"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"], ["ical", "ic"],
    ["ful", ""], ["ness", ""], ["ative", ""]];
  var STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
    "iti", "ous", "ive", "ize", "ion"];
  function firsts(rules) { return rules.map(function (r) { return r[0]; }); }
  function lookup(rules, key) { for (var i = 0; i < rules.length; i++) if (rules[i][0] === key) return rules[i][1]; return null; }

  function stemEnglish(input) {
    if (Object.prototype.hasOwnProperty.call(EN_EXCEPTIONS, input)) return EN_EXCEPTIONS[input];
    var w = Array.from(input);
    if (w.length <= 2) return input;
    if (w[0] === "'") w.shift();
    var yFound = false;
    if (w[0] === "y") { w[0] = "Y"; yFound = true; }
    for (var i = 1; i < w.length; i++) if (w[i] === "y" && isEnVowel(w[i - 1])) { w[i] = "Y"; yFound = true; }
    var p1 = w.length, p2 = w.length, r1 = -1;
    var joined = w.join("");
    ["gener", "commun", "arsen"].forEach(function (prefix) { if (joined.startsWith(prefix)) r1 = prefix.length; });
    var notVowel = function (c) { return !isEnVowel(c); };
    if (r1 < 0) { var v0 = goPast(isEnVowel, w, 0); if (v0 >= 0) r1 = goPast(notVowel, w, v0); }
    if (r1 >= 0) {
      p1 = r1;
      var v1 = goPast(isEnVowel, w, r1);
      if (v1 >= 0) { var r2 = goPast(notVowel, w, v1); if (r2 >= 0) p2 = r2; }
    }
    var s = w.join("");
    function longest(list) {
      var best = null;
      for (var k = 0; k < list.length; k++) {
        var x = list[k];
        if ((best === null || x.length > best.length) && s.endsWith(x)) best = x;
      }
      return best;
    }
    function start(x) { return s.length - x.length; }
    function replace(x, y) { s = s.slice(0, s.length - x.length) + y; }
    function hasVowelBefore(end) { for (var k = 0; k < end; k++) if (isEnVowel(s[k])) return true; return false; }
    function shortSyllable(end) {
      if (end < 2) return false;
      var last = s[end - 1], middle = s[end - 2];
      if (isEnVowel(last) || !isEnVowel(middle)) return false;
      if (end === 2) return true;
      return !isEnVowel(s[end - 3]) && last !== "w" && last !== "x" && last !== "Y";
    }
    // Step 1a.
    var a = longest(["'", "'s", "'s'"]);
    if (a !== null) replace(a, "");
    var x = longest(["sses", "ied", "ies", "s", "us", "ss"]);
    if (x === "sses") replace(x, "ss");
    else if (x === "ied" || x === "ies") replace(x, start(x) >= 2 ? "i" : "ie");
    else if (x === "s") { if (hasVowelBefore(start(x) - 1)) replace(x, ""); }
    if (EN_AFTER_1A.indexOf(s) < 0) {
      // Step 1b.
      x = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]);
      if (x === "eed" || x === "eedly") { if (start(x) >= p1) replace(x, "ee"); }
      else if (x !== null && hasVowelBefore(start(x))) {
        replace(x, "");
        if (longest(["at", "bl", "iz"]) !== null) s += "e";
        else if (longest(["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"]) !== null) s = s.slice(0, -1);
        else if (s.length === p1 && shortSyllable(s.length)) s += "e";
      }
      // Step 1c.
      var lastY = s[s.length - 1];
      if (s.length > 2 && (lastY === "y" || lastY === "Y") && !isEnVowel(s[s.length - 2])) s = s.slice(0, -1) + "i";
      // Step 2.
      x = longest(firsts(STEP2));
      if (x !== null && start(x) >= p1) {
        var b = start(x) - 1;
        if (x === "ogi") { if (b >= 0 && s[b] === "l") replace(x, "og"); }
        else if (x === "li") { if (b >= 0 && "cdeghkmnrt".indexOf(s[b]) >= 0) replace(x, ""); }
        else replace(x, lookup(STEP2, x));
      }
      // Step 3.
      x = longest(firsts(STEP3));
      if (x !== null && start(x) >= p1) {
        if (x === "ative") { if (start(x) >= p2) replace(x, ""); }
        else replace(x, lookup(STEP3, x));
      }
      // Step 4.
      x = longest(STEP4);
      if (x !== null && start(x) >= p2) {
        if (x === "ion") { var c = s[start(x) - 1]; if (c === "s" || c === "t") replace(x, ""); }
        else replace(x, "");
      }
      // Step 5.
      var at = s.length - 1;
      if (s[at] === "e") { if (at >= p2 || (at >= p1 && !shortSyllable(at))) s = s.slice(0, -1); }
      else if (s[at] === "l") { if (at >= p2 && at >= 1 && s[at - 1] === "l") s = s.slice(0, -1); }
    }
    if (yFound) s = s.replace(/Y/g, "y");
    return s;
  }

  // ---- Tokenizer (mirrors SearchTokenizer.swift) ------------------------------------------------------------
  var WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu;
  function stemToken(token) {
    if (/^[a-z0-9']+$/.test(token)) return stemEnglish(token);
    if (/^[а-яё]+$/.test(token)) return stemRussian(token);
    return token;
  }
  function tokens(text) {
    var out = [];
    var lower = text.toLowerCase().replace(/’/g, "'").replace(/ё/g, "е");
    var m;
    WORD.lastIndex = 0;
    while ((m = WORD.exec(lower)) !== null) out.push(m[0].replace(/'s$/, "").replace(/'/g, ""));
    return out.filter(function (t) { return t.length > 0; });
  }

  var api = { stemRussian: stemRussian, stemEnglish: stemEnglish, stemToken: stemToken, tokens: tokens };
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }

  // ---- Search box -------------------------------------------------------------------------------------------
  var TITLE = 3, HEADING = 2;
  function Search(form) {
    this.form = form;
    this.input = form.querySelector("input");
    this.list = form.querySelector("[role=listbox]");
    this.status = form.querySelector(".search-status");
    this.index = null;
    this.loading = null;
    this.active = -1;
    this.results = [];
  }
  Search.prototype.load = function () {
    var self = this;
    if (!this.loading) {
      this.loading = fetch(this.form.getAttribute("data-index"))
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (index) { self.index = index; self.stems = Object.keys(index.terms).sort(); return index; })
        .catch(function () {
          // No index (opened from file://, or not deployed): say so once, and try again on the next focus.
          self.loading = null;
          self.status.textContent = "";
          return null;
        });
    }
    return this.loading;
  };
  Search.prototype.query = function (text) {
    var index = this.index;
    var words = tokens(text);
    if (!index || words.length === 0) return [];
    var scores = null;
    words.forEach(function (word, n) {
      var stem = stemToken(word);
      var hits = {};
      var add = function (postings, factor) {
        // Postings are gap * 4 + field (SearchIndexBuilder.swift).
        for (var i = 0, doc = 0; i < postings.length; i++) {
          doc += postings[i] >> 2;
          var field = postings[i] & 3;
          var score = (field === TITLE ? 16 : field === HEADING ? 6 : 1) * factor;
          if (!hits[doc] || hits[doc] < score) hits[doc] = score;
        }
      };
      if (index.terms[stem]) add(index.terms[stem], 2);
      // The word being typed also matches as a prefix, both stemmed and as typed.
      if (n === words.length - 1) {
        var seen = {};
        [stem, word].forEach(function (prefix) {
          if (prefix.length < 2) return;
          var lo = lowerBound(this.stems, prefix);
          for (var i = lo; i < this.stems.length && this.stems[i].startsWith(prefix) && i < lo + 200; i++) {
            if (seen[this.stems[i]] || this.stems[i] === stem) continue;
            seen[this.stems[i]] = true;
            add(index.terms[this.stems[i]], 1);
          }
        }, this);
      }
      if (scores === null) { scores = hits; return; }
      var next = {};
      Object.keys(scores).forEach(function (doc) { if (hits[doc]) next[doc] = scores[doc] + hits[doc]; });
      scores = next;
    }, this);
    var docs = index.docs, pages = index.pages;
    return Object.keys(scores || {}).map(function (doc) {
      var d = docs[doc];
      return { score: scores[doc], page: pages[d[0]], anchor: d[1], heading: d[2], order: +doc };
    }).sort(function (a, b) { return b.score - a.score || a.order - b.order; }).slice(0, 12);
  };
  function lowerBound(list, key) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (list[mid] < key) lo = mid + 1; else hi = mid; }
    return lo;
  }
  Search.prototype.render = function (text) {
    var self = this;
    this.results = this.query(text);
    this.list.textContent = "";
    this.active = -1;
    this.results.forEach(function (result, i) {
      var li = document.createElement("li");
      li.id = self.list.id + "-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      var a = document.createElement("a");
      a.href = result.page[0] + (result.anchor ? "#" + result.anchor : "");
      a.tabIndex = -1;
      var title = document.createElement("span");
      title.className = "search-result-title";
      title.textContent = result.heading || result.page[1];
      a.appendChild(title);
      if (result.heading) {
        var where = document.createElement("span");
        where.className = "search-result-page";
        where.textContent = result.page[1];
        a.appendChild(where);
      }
      li.appendChild(a);
      li.addEventListener("mousedown", function (event) { event.preventDefault(); });
      self.list.appendChild(li);
    });
    var open = text.trim().length > 0;
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    var template = this.results.length === 0 ? this.form.getAttribute("data-none") : this.form.getAttribute("data-count");
    this.status.textContent = open ? template.replace("{n}", String(this.results.length)) : "";
    if (open && this.results.length === 0) {
      var empty = document.createElement("li");
      empty.className = "search-empty";
      empty.textContent = this.form.getAttribute("data-none");
      this.list.appendChild(empty);
    }
    if (this.results.length > 0) this.move(0);
  };
  Search.prototype.move = function (to) {
    var items = this.list.querySelectorAll("[role=option]");
    if (items.length === 0) return;
    if (this.active >= 0 && items[this.active]) items[this.active].setAttribute("aria-selected", "false");
    this.active = (to + items.length) % items.length;
    var item = items[this.active];
    item.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", item.id);
    item.scrollIntoView({ block: "nearest" });
  };
  Search.prototype.close = function () {
    this.list.hidden = true;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };
  Search.prototype.attach = function () {
    var self = this;
    this.form.hidden = false;
    this.input.addEventListener("focus", function () { self.load(); });
    this.input.addEventListener("input", function () {
      var text = self.input.value;
      self.load().then(function () { if (self.input.value === text) self.render(text); });
    });
    this.input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); if (self.list.hidden && self.input.value) self.render(self.input.value); else self.move(self.active + 1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); self.move(self.active - 1); }
      else if (event.key === "Escape") {
        if (!self.list.hidden) { event.preventDefault(); self.close(); } else { self.input.value = ""; self.input.blur(); }
      }
    });
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var result = self.results[self.active >= 0 ? self.active : 0];
      if (result) {
        self.close();
        window.location.href = result.page[0] + (result.anchor ? "#" + result.anchor : "");
      }
    });
    this.input.addEventListener("blur", function () { setTimeout(function () { self.close(); }, 150); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && document.activeElement === document.body) { event.preventDefault(); self.input.focus(); }
    });
  };

  // ---- Copy buttons -----------------------------------------------------------------------------------------
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }
  function attachCopy(button) {
    var code = button.closest(".code-block").querySelector("pre code");
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      copyText(code.textContent).then(function () {
        button.textContent = button.getAttribute("data-copied");
        button.classList.add("copied");
        setTimeout(function () { button.textContent = label; button.classList.remove("copied"); }, 1600);
      }, function () { button.textContent = button.getAttribute("data-failed"); });
    });
  }

  function start() {
    var form = document.querySelector("form.site-search");
    if (form) new Search(form).attach();
    Array.prototype.forEach.call(document.querySelectorAll(".code-block .copy-button"), attachCopy);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
