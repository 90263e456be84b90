/*
 * tsunagu search core: normalise, tokenise and query an elasticlunr-format index.
 * Mirrors components/search/src/{normalize,tokenize,query}.rs exactly; the shared
 * vectors in tests/search_vectors.json prove it. No DOM here, so Node can test it.
 * Change TOKENIZER_VERSION together with the Rust constant whenever either changes.
 */
(function (root) {
  'use strict';

  var TOKENIZER_VERSION = 'tsunagu-ja-bigram-2';

  /* Only long-stable blocks reach NFKC: V8's ICU and Rust's tables differ in Unicode
   * version, and anything else becomes a separator on both sides. */
  var INPUT_RANGES = [
    [0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6],
    [0xf8, 0x24f], [0x300, 0x36f], [0x1e00, 0x1eff], [0x2160, 0x217f],
    [0x2460, 0x2473], [0x3005, 0x3007], [0x3041, 0x3096], [0x3099, 0x309f],
    [0x30a1, 0x30fa], [0x30fc, 0x30ff], [0x31f0, 0x31ff], [0x3220, 0x3247],
    [0x3250, 0x325f], [0x3280, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
    [0xf900, 0xfaff], [0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a],
    [0xff66, 0xff9f], [0x20000, 0x3ffff]
  ];
  var WORD_RANGES = [
    [0x30, 0x39], [0x61, 0x7a], [0xc0, 0xd6], [0xd8, 0xf6], [0xf8, 0x24f],
    [0x1e00, 0x1eff], [0x3005, 0x3007], [0x3041, 0x3096], [0x309d, 0x309e],
    [0x30a1, 0x30fa], [0x30fd, 0x30fe], [0x31f0, 0x31ff], [0x3400, 0x4dbf],
    [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x3ffff]
  ];
  var FIELD_BOOST = { title: 4, keywords: 3 };
  var MAX_QUERY_WORDS = 30;
  var PARENT_WEIGHT = 0.25;
  var INHERITED = ['topic', 'phone', 'hours', 'contact', 'extension'];

  function inRanges(cp, ranges) {
    for (var i = 0; i < ranges.length; i++) {
      if (ranges[i][0] <= cp && cp <= ranges[i][1]) return true;
    }
    return false;
  }

  /* Small ヵ ヶ (霞ヶ関) are written interchangeably with か け. */
  function fold(cp) {
    if (cp === 0x3095) return 0x304b;
    if (cp === 0x3096) return 0x3051;
    return cp;
  }

  /* Returns the code point to keep, -1 to drop (ー, stray combining marks) or -2 for a break. */
  function classify(cp) {
    if (cp === 0x30fc || (cp >= 0x300 && cp <= 0x36f) || cp === 0x3099 || cp === 0x309a) return -1;
    if ((cp >= 0x30a1 && cp <= 0x30f6) || cp === 0x30fd || cp === 0x30fe) return fold(cp - 0x60);
    if (inRanges(cp, WORD_RANGES)) return fold(cp);
    return -2;
  }

  function words(text) {
    var filtered = '';
    for (var ch of String(text)) {
      filtered += inRanges(ch.codePointAt(0), INPUT_RANGES) ? ch : ' ';
    }
    var folded = filtered.normalize('NFKC').toLowerCase();
    var out = [];
    var current = '';
    for (var c of folded) {
      var k = classify(c.codePointAt(0));
      if (k >= 0) {
        current += String.fromCodePoint(k);
      } else if (k === -2 && current) {
        out.push(current);
        current = '';
      }
    }
    if (current) out.push(current);
    return out;
  }

  function normalize(text) {
    return words(text).join(' ');
  }

  function tokenize(text) {
    var tokens = [];
    words(text).forEach(function (word) {
      var chars = Array.from(word);
      for (var i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
      tokens.push(chars[chars.length - 1]);
    });
    return tokens;
  }

  function queryWords(query) {
    var out = [];
    var seen = {};
    words(query).forEach(function (word) {
      var chars = Array.from(word);
      var qw;
      if (chars.length === 1) {
        qw = { terms: [word], prefix: true };
      } else {
        var terms = [];
        for (var i = 0; i + 1 < chars.length; i++) {
          var t = chars[i] + chars[i + 1];
          if (terms.indexOf(t) < 0) terms.push(t);
        }
        qw = { terms: terms, prefix: false };
      }
      var key = JSON.stringify(qw);
      if (!seen[key]) {
        seen[key] = true;
        out.push(qw);
      }
    });
    return out;
  }

  function lookup(node, token) {
    for (var c of token) {
      if (!node || !Object.prototype.hasOwnProperty.call(node, c)) return null;
      node = node[c];
    }
    return node;
  }

  function collectSubtree(node, out) {
    out.push(node);
    for (var key in node) {
      if (key !== 'docs' && key !== 'df' && Object.prototype.hasOwnProperty.call(node, key)) {
        collectSubtree(node[key], out);
      }
    }
  }

  /* display.js leaves out a child's fields that equal its parent's (a matter's phone and
   * hours are its agency's); fill them back in. Idempotent. */
  function inherit(docs) {
    docs.forEach(function (d, i) {
      var p = d.parent;
      if (typeof p !== 'number' || p === i || !docs[p]) return;
      if (d.agency === undefined) d.agency = docs[p].title;
      INHERITED.forEach(function (key) {
        if (d[key] === undefined && docs[p][key] !== undefined) d[key] = docs[p][key];
      });
    });
  }

  function VersionError(what, found) {
    var e = new Error('tsunagu search: ' + what + ' was built with tokenizer "' + found +
      '" but search-core.js uses "' + TOKENIZER_VERSION + '". Rebuild the site so both match.');
    e.name = 'TokenizerVersionError';
    return e;
  }

  /* Wraps the two globals written by the Rust crate; throws on a version mismatch. */
  function createIndex(index, display) {
    if (!index || typeof index !== 'object' || !index.index) throw new Error('tsunagu search: index missing or malformed');
    if (!display || !Array.isArray(display.docs)) throw new Error('tsunagu search: display data missing or malformed');
    if (index.lang !== TOKENIZER_VERSION) throw VersionError('the index', index.lang);
    if (display.tokenizer !== TOKENIZER_VERSION) throw VersionError('the display data', display.tokenizer);

    var fields = index.fields;
    var docInfo = index.documentStore.docInfo;
    var docs = display.docs;
    var n = docs.length;
    var compactTitles = [];
    inherit(docs);

    function compactTitle(pos) {
      if (compactTitles[pos] === undefined) compactTitles[pos] = words(docs[pos].title).join('');
      return compactTitles[pos];
    }

    /* Typing a name's reading exactly (かいご for 介護) ranks like its name. */
    function readingIs(pos, qCompact) {
      var r = docs[pos].reading;
      return typeof r === 'string' && words(r).join('') === qCompact;
    }

    function search(query) {
      var qwords = queryWords(query).slice(0, MAX_QUERY_WORDS);
      if (!qwords.length) return [];
      var scores = new Map();
      var ownWords = new Map(); // bit i: query word i fully matched by the doc's own fields

      qwords.forEach(function (word, wi) {
        var termsMatched = new Map();
        fields.forEach(function (field) {
          var rootNode = index.index[field].root;
          var boost = FIELD_BOOST[field] || 1;
          word.terms.forEach(function (term, ti) {
            var nodes = [];
            var node = lookup(rootNode, term);
            if (node) {
              if (word.prefix) collectSubtree(node, nodes);
              else nodes.push(node);
            }
            nodes.forEach(function (nd) {
              var idf = 1 + Math.log(n / ((nd.df || 0) + 1));
              var postings = nd.docs || {};
              for (var ref in postings) {
                if (!Object.prototype.hasOwnProperty.call(postings, ref)) continue;
                var pos = Number(ref);
                var info = docInfo[ref] || {};
                var len = Math.max(info[field] || 1, 1);
                var s = postings[ref].tf * idf * idf / Math.sqrt(len) * boost;
                scores.set(pos, (scores.get(pos) || 0) + s);
                var m = termsMatched.get(pos);
                if (!m) {
                  m = new Array(word.terms.length).fill(false);
                  termsMatched.set(pos, m);
                }
                m[ti] = true;
              }
            });
          });
        });
        termsMatched.forEach(function (m, pos) {
          if (m.every(Boolean)) ownWords.set(pos, (ownWords.get(pos) || 0) | (1 << wi));
        });
      });

      var all = (1 << qwords.length) - 1;
      var qNorm = words(query);
      var qCompact = qNorm.join('');
      var hits = [];
      ownWords.forEach(function (own, pos) {
        var entry = docs[pos];
        if (!entry) return;
        var score = scores.get(pos) || 0;
        var covered = own;
        /* A matter inherits its agency's words ("社協 貸付") but only alongside its own. */
        if (entry.parent !== undefined) {
          var inherited = ownWords.get(entry.parent) || 0;
          if (inherited & ~own) {
            covered |= inherited;
            score += PARENT_WEIGHT * (scores.get(entry.parent) || 0);
          }
        }
        if (covered !== all) return;
        var title = compactTitle(pos);
        var tier = (title === qCompact || readingIs(pos, qCompact)) ? 2
          : qNorm.every(function (w) { return title.indexOf(w) >= 0; }) ? 1 : 0;
        hits.push({ pos: pos, tier: tier, score: score * (entry.boost || 1), doc: entry });
      });
      hits.sort(function (a, b) {
        return (b.tier - a.tier) || (b.score - a.score) || (a.pos - b.pos);
      });
      return hits;
    }

    return { search: search, size: n, audience: display.audience };
  }

  var api = {
    TOKENIZER_VERSION: TOKENIZER_VERSION,
    words: words,
    normalize: normalize,
    tokenize: tokenize,
    queryWords: queryWords,
    createIndex: createIndex
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.TsunaguSearchCore = api;
})(typeof self !== 'undefined' ? self : this);
