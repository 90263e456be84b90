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
  var MAX_QUERY_TERMS = 60;
  var MIN_COVERAGE = 0.2;
  var RELATIVE_COVERAGE = 0.5;
  var TOPIC_COVERAGE = 0.6;
  var TAIL_WEIGHT = 0.25;
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

  /* Runs of ASCII letters/digits are whole tokens (DV is not DVD); [piece, isLatin]. */
  function pieces(word) {
    var out = [];
    var cur = '';
    var latin = null;
    for (var c of word) {
      var l = /[0-9a-z]/.test(c);
      if (latin !== null && latin !== l) {
        out.push([cur, latin]);
        cur = '';
      }
      cur += c;
      latin = l;
    }
    if (cur) out.push([cur, latin]);
    return out;
  }

  function bigrams(piece) {
    var chars = Array.from(piece);
    var out = [];
    for (var i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
    return out;
  }

  function dedup(list) {
    return list.filter(function (t, i) { return list.indexOf(t) === i; });
  }

  function tokenize(text) {
    var tokens = [];
    words(text).forEach(function (word) {
      pieces(word).forEach(function (p) {
        if (p[1]) {
          tokens.push(p[0]);
          return;
        }
        var chars = Array.from(p[0]);
        Array.prototype.push.apply(tokens, bigrams(p[0]));
        tokens.push(chars[chars.length - 1]);
      });
    });
    return tokens;
  }

  /* romaji.rs: Hepburn, Kunrei and IME spellings. */
  var SYLLABLES = ('a:あ i:い u:う e:え o:お ka:か ki:き ku:く ke:け ko:こ kya:きゃ kyu:きゅ kyo:きょ ' +
    'sa:さ si:し shi:し su:す se:せ so:そ sha:しゃ shu:しゅ she:しぇ sho:しょ sya:しゃ syu:しゅ syo:しょ ' +
    'ta:た ti:ち chi:ち tu:つ tsu:つ te:て to:と cha:ちゃ chu:ちゅ che:ちぇ cho:ちょ tya:ちゃ tyu:ちゅ tyo:ちょ ' +
    'na:な ni:に nu:ぬ ne:ね no:の nya:にゃ nyu:にゅ nyo:にょ ha:は hi:ひ hu:ふ fu:ふ he:へ ho:ほ ' +
    'hya:ひゃ hyu:ひゅ hyo:ひょ fa:ふぁ fi:ふぃ fe:ふぇ fo:ふぉ ma:ま mi:み mu:む me:め mo:も ' +
    'mya:みゃ myu:みゅ myo:みょ ya:や yu:ゆ yo:よ ra:ら ri:り ru:る re:れ ro:ろ rya:りゃ ryu:りゅ ryo:りょ ' +
    'wa:わ wo:を ga:が gi:ぎ gu:ぐ ge:げ go:ご gya:ぎゃ gyu:ぎゅ gyo:ぎょ za:ざ zi:じ ji:じ zu:ず ze:ぜ zo:ぞ ' +
    'ja:じゃ ju:じゅ je:じぇ jo:じょ zya:じゃ zyu:じゅ zyo:じょ jya:じゃ jyu:じゅ jyo:じょ ' +
    'da:だ di:ぢ du:づ de:で do:ど ba:ば bi:び bu:ぶ be:べ bo:ぼ bya:びゃ byu:びゅ byo:びょ ' +
    'pa:ぱ pi:ぴ pu:ぷ pe:ぺ po:ぽ pya:ぴゃ pyu:ぴゅ pyo:ぴょ').split(' ').reduce(function (m, kv) {
    var i = kv.indexOf(':');
    m[kv.slice(0, i)] = kv.slice(i + 1);
    return m;
  }, {});

  function isVowel(c) { return c !== undefined && 'aiueo'.indexOf(c) >= 0; }

  /* kaigo → かいご; null when the word is not romaji all the way through (dv, hiv). */
  function romajiToKana(word) {
    if (!/^[a-z]+$/.test(word)) return null;
    var out = '';
    var i = 0;
    while (i < word.length) {
      var c = word[i];
      var next = word[i + 1];
      if (c === 'n' && (next === undefined || (!isVowel(next) && next !== 'y'))) {
        out += 'ん';
        var after = word[i + 2];
        i += (next === 'n' && (after === undefined || (!isVowel(after) && after !== 'y'))) ? 2 : 1;
        continue;
      }
      if (!isVowel(c) && (next === c || (c === 't' && next === 'c'))) {
        out += 'っ';
        i += 1;
        continue;
      }
      var matched = false;
      for (var len = 3; len >= 1; len--) {
        var piece = word.slice(i, i + len);
        if (piece.length === len && Object.prototype.hasOwnProperty.call(SYLLABLES, piece)) {
          out += SYLLABLES[piece];
          i += len;
          matched = true;
          break;
        }
      }
      if (!matched) return null;
    }
    return out.charAt(0) === 'ん' ? null : out; // npo, nhk: no Japanese word starts with ん
  }

  var PARTICLES = 'がをにでとはのもやへ';

  function isHiragana(c) {
    var cp = c.codePointAt(0);
    return (cp >= 0x3041 && cp <= 0x3096) || cp === 0x309d || cp === 0x309e;
  }

  function isPrefixKana(c) { return c === 'お' || c === 'ご'; }

  /* tokenize.rs `segments`: kanji/katakana run + its first okurigana (not a particle);
   * the rest of the hiragana is a tail; お/ご before kanji join it; all-hiragana stays whole. */
  function segments(piece) {
    var chars = Array.from(piece);
    if (chars.every(isHiragana)) return [[piece, false]];
    var out = [];
    var i = 0;
    var carry = '';
    var lead = 0;
    while (lead < chars.length && isHiragana(chars[lead])) lead++;
    if (lead > 0) {
      var run = chars.slice(0, lead);
      if (isPrefixKana(run[run.length - 1])) carry = run.pop();
      if (run.length) out.push([run.join(''), false]);
      i = lead;
    }
    while (i < chars.length) {
      var seg = carry;
      carry = '';
      while (i < chars.length && !isHiragana(chars[i])) seg += chars[i++];
      var start = i;
      while (i < chars.length && isHiragana(chars[i])) i++;
      var tail = chars.slice(start, i);
      if (tail.length) {
        if (PARTICLES.indexOf(tail[0]) < 0) seg += tail[0];
        tail.shift();
      }
      if (i < chars.length && tail.length && isPrefixKana(tail[tail.length - 1])) carry = tail.pop();
      out.push([seg, false]);
      if (tail.length > 1) out.push([tail.join(''), true]); // one kana (から → ら) would match half the index
    }
    return out;
  }

  function queryWords(query) {
    var out = [];
    var seen = {};
    function push(qw) {
      if (!qw.terms.length) return;
      var key = JSON.stringify(qw);
      if (!seen[key]) {
        seen[key] = true;
        out.push(qw);
      }
    }
    words(query).forEach(function (word) {
      pieces(word).forEach(function (p) {
        var piece = p[0];
        if (p[1]) {
          var terms = [piece];
          var kana = romajiToKana(piece);
          if (kana && Array.from(kana).length > 1) terms = terms.concat(bigrams(kana));
          push({ terms: dedup(terms), prefix: piece.length === 1, tail: false });
          return;
        }
        segments(piece).forEach(function (s) {
          var single = Array.from(s[0]).length === 1;
          push({ terms: single ? [s[0]] : dedup(bigrams(s[0])), prefix: single, tail: s[1] });
        });
      });
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

    /* query.rs `search`: graceful matching by idf-weighted coverage of the query's units. */
    function search(query) {
      var terms = [];
      var termKeys = {};
      var units = [];
      queryWords(query).forEach(function (word) {
        var ids = [];
        word.terms.forEach(function (term) {
          var key = (word.prefix ? '1' : '0') + term;
          var id = termKeys[key];
          if (id === undefined) {
            id = terms.length;
            termKeys[key] = id;
            terms.push({ term: term, prefix: word.prefix });
          }
          if (id < MAX_QUERY_TERMS) ids.push(id);
        });
        if (units.length < MAX_QUERY_TERMS) units.push({ ids: ids, w: word.tail ? TAIL_WEIGHT : 1 });
      });
      terms = terms.slice(0, MAX_QUERY_TERMS);
      if (!terms.length) return [];
      var scores = new Map();
      var own = new Map(); // pos → array of booleans: term i in the doc's own fields
      var weights = terms.map(function () { return 0; });

      terms.forEach(function (t, ti) {
        var withTerm = 0;
        fields.forEach(function (field) {
          var boost = FIELD_BOOST[field] || 1;
          var nodes = [];
          var node = lookup(index.index[field].root, t.term);
          if (node) {
            if (t.prefix) collectSubtree(node, nodes);
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
              scores.set(pos, (scores.get(pos) || 0) + postings[ref].tf * idf * idf / Math.sqrt(len) * boost);
              var m = own.get(pos);
              if (!m) {
                m = terms.map(function () { return false; });
                own.set(pos, m);
              }
              if (!m[ti]) {
                m[ti] = true;
                withTerm++;
              }
            }
          });
        });
        if (withTerm > 0) weights[ti] = Math.log(1 + n / withTerm);
      });

      units = units.map(function (u) {
        var known = 0;
        u.ids.forEach(function (i) { known += weights[i]; });
        return { ids: u.ids, w: u.w, known: known };
      }).filter(function (u) { return u.known > 0; });
      /* Endings alone (ない, ている) say nothing about the worry. */
      if (units.every(function (u) { return u.w < 1; })) return [];
      var total = 0;
      units.forEach(function (u) { total += u.w; });
      if (total <= 0) return [];

      var candidates = [];
      var best = 0;
      own.forEach(function (mine, pos) {
        var entry = docs[pos];
        if (!entry) return;
        var score = scores.get(pos) || 0;
        var covered = mine;
        /* A matter inherits its agency's words ("社協 貸付") but only alongside its own. */
        if (entry.parent !== undefined) {
          var theirs = own.get(entry.parent);
          if (theirs && theirs.some(function (t, i) { return t && !mine[i]; })) {
            covered = mine.map(function (m, i) { return m || theirs[i]; });
            score += PARENT_WEIGHT * (scores.get(entry.parent) || 0);
          }
        }
        var weight = 0;
        var heldUnits = []; // units the document holds at least half of
        units.forEach(function (u, ui) {
          var held = 0;
          u.ids.forEach(function (i) { if (covered[i]) held += weights[i]; });
          weight += u.w * held / u.known;
          if (held / u.known >= 0.5) heldUnits.push(ui);
        });
        var coverage = weight / total;
        if (coverage > best) best = coverage;
        candidates.push({ pos: pos, score: score, coverage: coverage, held: heldUnits });
      });

      var qNorm = words(query);
      var qCompact = qNorm.join('');
      var kept = candidates.filter(function (c) {
        /* Topics are few and a topic card is the best start: no relative cut. */
        var relative = docs[c.pos].kind === 'topic' ? 0 : RELATIVE_COVERAGE;
        return c.coverage >= MIN_COVERAGE && c.coverage >= relative * best;
      });
      function exact(pos) {
        return compactTitle(pos) === qCompact || readingIs(pos, qCompact);
      }
      /* Topic cards (query.rs): topics matching about as well as the best document,
       * each adding a part of the worry the better ones do not hold. */
      var topicCands = kept.filter(function (c) {
        return docs[c.pos].kind === 'topic' && c.coverage >= TOPIC_COVERAGE * best;
      }).map(function (c) {
        return {
          exact: exact(c.pos), rank: c.score * (docs[c.pos].boost || 1) * c.coverage * c.coverage,
          pos: c.pos, held: c.held
        };
      });
      topicCands.sort(function (a, b) {
        return (Number(b.exact) - Number(a.exact)) || (b.rank - a.rank) || (a.pos - b.pos);
      });
      var union = {};
      var cardPositions = [];
      topicCands.forEach(function (t) {
        if (t.held.some(function (u) { return !union[u]; })) {
          t.held.forEach(function (u) { union[u] = true; });
          cardPositions.push(t.pos);
        }
      });
      /* Titles of the topics shown as cards: their ★ desks come right after them. */
      var cards = cardPositions.map(function (pos) { return docs[pos].title; });
      /* A card's ★ desk is listed even when the worry's words are not in its record. */
      if (cards.length) {
        docs.forEach(function (d, pos) {
          if (d.kind === 'matter' && d.star && cards.indexOf(d.topic) >= 0 &&
              !kept.some(function (k) { return k.pos === pos; })) {
            kept.push({ pos: pos, score: 0, coverage: 0, held: [] });
          }
        });
      }
      var hits = kept.map(function (c) {
        var entry = docs[c.pos];
        var title = compactTitle(c.pos);
        var tier = exact(c.pos) ? 4
          : cardPositions.indexOf(c.pos) >= 0 ? 3
          : (entry.kind === 'matter' && entry.star && cards.indexOf(entry.topic) >= 0) ? 2
          : qNorm.every(function (w) { return title.indexOf(w) >= 0; }) ? 1 : 0;
        return {
          pos: c.pos, tier: tier, coverage: c.coverage,
          score: c.score * (entry.boost || 1) * c.coverage * c.coverage, doc: entry
        };
      });
      hits.sort(function (a, b) {
        return (b.tier - a.tier) || (b.score - a.score) || (a.pos - b.pos);
      });
      return hits;
    }

    /* Where to start when nothing matches: the ★ desks (agencies), in site order. */
    function starred() {
      return docs.filter(function (d) { return d.kind === 'agency' && d.star; });
    }

    return { search: search, starred: starred, size: n, audience: display.audience };
  }

  var api = {
    TOKENIZER_VERSION: TOKENIZER_VERSION,
    words: words,
    normalize: normalize,
    tokenize: tokenize,
    queryWords: queryWords,
    romajiToKana: romajiToKana,
    createIndex: createIndex
  };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.TsunaguSearchCore = api;
})(typeof self !== 'undefined' ? self : this);
