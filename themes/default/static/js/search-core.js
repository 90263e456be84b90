/*
 * tsunagu search core: normalise, tokenise and query the sharded index (shard.rs).
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
  var PREFIX_MARK = '*';
  /* shard.rs HEAD and GROWTH (a split list's chunk k holds HEAD × GROWTH^k postings),
   * and rough gzip sizes, to choose between loading w/ chunks and list chunks. */
  var HEAD = 256;
  var GROWTH = 4;
  var LIST_BYTES = 3;
  var ROW_BYTES = 1500;
  var ROWS_PER_ROUND = 24;
  var ROWS_LIMIT = 96;
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

  function VersionError(what, found) {
    var e = new Error('tsunagu search: ' + what + ' was built with tokenizer "' + found +
      '" but search-core.js uses "' + TOKENIZER_VERSION + '". Rebuild the site so both match.');
    e.name = 'TokenizerVersionError';
    return e;
  }

  /* Every search file is a script calling TsunaguSearchLoad(name, data): <script> tags
   * work from file://, where fetch does not. The data waits here for its loader. */
  var registry = {};
  function register(name, data) { registry[name] = data; }
  function take(name) {
    var data = registry[name];
    delete registry[name];
    return data;
  }

  /* shard.rs `term_hash`: FNV-1a over the code points, 32 bits. */
  function termHash(text) {
    var h = 0x811c9dc5;
    for (var c of String(text)) {
      h ^= c.codePointAt(0);
      h = Math.imul(h, 0x01000193);
    }
    return h >>> 0;
  }

  /* The sharded index (shard.rs): `manifest` is what search/manifest.js registered,
   * `load(name)` returns a promise of what search/<name>.js registers. Term shards load
   * per query (one per term, by its hash), display rows per result shown. */
  function createIndex(manifest, load) {
    if (!manifest || typeof manifest !== 'object' || !manifest.classes) throw new Error('tsunagu search: manifest missing or malformed');
    if (manifest.tokenizer !== TOKENIZER_VERSION) throw VersionError('the index', manifest.tokenizer);

    var fields = manifest.fields;
    var n = manifest.docs;
    var classes = manifest.classes;
    var cls = manifest['class'];
    var up = manifest.up;
    var cardStars = {};
    var starPos = new Uint8Array(manifest.docs); // ★ desk of some topic card
    manifest.cards.forEach(function (c) {
      cardStars[c[0]] = c[1];
      c[1].forEach(function (pos) { starPos[pos] = 1; });
    });

    /* Topic cards, best first: a topic is a card when it holds a query word no
       better card holds; its ★ desks are marked. Both rankings use this. */
    function pickCards(topicCands) {
      topicCands.sort(function (a, b) {
        return (Number(b.exact) - Number(a.exact)) || (b.rank - a.rank) || (a.pos - b.pos);
      });
      var union = {};
      var isCard = {};
      var stars = {};
      topicCands.forEach(function (t) {
        if (t.held.some(function (u) { return !union[u]; })) {
          t.held.forEach(function (u) { union[u] = true; });
          isCard[t.pos] = true;
          (cardStars[t.pos] || []).forEach(function (pos) { stars[pos] = true; });
        }
      });
      return { isCard: isCard, stars: stars };
    }
    var shards = {};   // term shard number → data
    var names = {};    // exact-name shard number → data
    var rows = {};     // chunk number → display rows
    var lists = {};    // field + key → listState
    var fwd = {};      // chunk number → per document: [split list number, weight, …]
    var children = null;
    var holders = new Map(); // term key → documents holding it, when all its lists are whole
    var maxBoost = 0;
    /* Topics are never unseen (pinned in the first chunks). */
    classes.forEach(function (c) { if (c[0] !== 'topic' && c[2] > maxBoost) maxBoost = c[2]; });

    function kind(pos) { return classes[cls.charCodeAt(pos) - 65][0]; }
    function boost(pos) { return classes[cls.charCodeAt(pos) - 65][2]; }
    function parent(pos) { return up[pos] ? pos - up[pos] : undefined; }
    function shardOf(text, count) { return termHash(text) % count; }

    function ensure(names, store) {
      return Promise.all(names.map(function (name) {
        var key = name.slice(2);
        if (store[key]) return store[key];
        var p = Promise.resolve(load(name)).then(function (data) {
          if (!data) throw new Error('tsunagu search: ' + name + '.js registered nothing');
          store[key] = data;
          return data;
        });
        store[key] = p;
        p.catch(function () { delete store[key]; });
        return p;
      }));
    }

    /* A key's postings in field fi (shard.rs `Postings`), null if the field lacks it:
     * post = [pos, weight, …] loaded so far (weights of a prefix entry hold the idf²),
     * n = postings in all, u = documents holding the key in any field (split lists),
     * complete, theta = heaviest weight not loaded yet. A split list loads chunk by
     * chunk, heaviest first, only as far as the first results can still change. */
    function listState(fi, key) {
      var cacheKey = fi + '\u0000' + key;
      if (Object.prototype.hasOwnProperty.call(lists, cacheKey)) return lists[cacheKey];
      var shard = shards[shardOf(key, manifest.shards)];
      var terms = shard && shard.f && shard.f[fi];
      var st = null;
      if (terms && Object.prototype.hasOwnProperty.call(terms, key)) {
        var enc = terms[key];
        st = { key: key, fi: fi, post: [], map: null, loaded: 1, pending: null };
        if (Array.isArray(enc)) {
          decodeInto(enc, st);
          st.n = enc.length / 2;
          st.m = [0];
        } else {
          st.map = new Map();
          decodeInto(enc.p, st);
          st.n = enc.n;
          st.u = enc.u;
          st.m = enc.m;
          st.id = enc.i;
        }
        setTheta(st);
      }
      lists[cacheKey] = st;
      return st;
    }

    function decodeInto(enc, st) {
      var pos = 0;
      for (var i = 0; i < enc.length; i += 2) {
        pos += enc[i];
        st.post.push(pos, enc[i + 1] / 1000);
        if (st.map) st.map.set(pos, enc[i + 1] / 1000);
      }
    }

    function setTheta(st) {
      st.complete = st.loaded >= st.m.length;
      st.theta = st.complete ? 0 : st.m[st.loaded] / 1000;
    }

    /* Loads the next chunk of a split list. */
    function more(st) {
      if (st.complete) return Promise.resolve();
      if (!st.pending) {
        var name = 'c/' + st.id + '-' + st.loaded;
        st.pending = Promise.resolve(load(name)).then(function (data) {
          if (!data) throw new Error('tsunagu search: ' + name + '.js registered nothing');
          decodeInto(data, st);
          st.loaded++;
          setTheta(st);
          st.pending = null;
        }, function (err) {
          st.pending = null;
          throw err;
        });
      }
      return st.pending;
    }

    /* Weight of a key's list at pos: > 0 held, 0 not held, -1 not known yet (a
     * split list's unloaded chunks; the document's w/ chunk not loaded). Topics
     * always sit in a split list's first chunk. */
    function weightIn(st, pos) {
      if (!st.map) {
        st.map = new Map();
        for (var i = 0; i < st.post.length; i += 2) st.map.set(st.post[i], st.post[i + 1]);
      }
      var w = st.map.get(pos);
      if (w !== undefined) return w;
      if (st.complete || kind(pos) === 'topic') return 0;
      var f = fwd[Math.floor(pos / manifest.chunk)];
      if (!Array.isArray(f)) return -1;
      return rowWeight(f[pos % manifest.chunk], st.id) / 1000;
    }

    /* A document's weight × 1000 in split list `id`, from its w/ row [list number,
     * weight, …] (increasing list numbers); 0 if it is not in the list. */
    function rowWeight(row, id) {
      if (!row) return 0;
      for (var j = 0; j < row.length && row[j] <= id; j += 2) if (row[j] === id) return row[j + 1];
      return 0;
    }

    /* The loaded w/ rows by split list: list number → [pos, weight × 1000, …], in
     * the order of the chunks' numbers then positions. Rebuilt only when a w/ chunk
     * has loaded since, not per query. */
    var fwdIndex = null;
    var fwdIndexed = -1;
    function fwdByList() {
      var keys = Object.keys(fwd).filter(function (c) { return Array.isArray(fwd[c]); });
      if (fwdIndex && keys.length === fwdIndexed) return fwdIndex;
      fwdIndex = new Map();
      fwdIndexed = keys.length;
      keys.forEach(function (c) {
        var chunk = fwd[c];
        for (var i = 0; i < chunk.length; i++) {
          var r = chunk[i];
          if (!r) continue;
          var pos = Number(c) * manifest.chunk + i;
          for (var j = 0; j < r.length; j += 2) {
            var l = fwdIndex.get(r[j]);
            if (!l) fwdIndex.set(r[j], l = []);
            l.push(pos, r[j + 1]);
          }
        }
      });
      return fwdIndex;
    }

    /* Decoded postings of a term in field fi, or with `prefix` of its prefix entry;
     * null if none. Whole lists only (rank() runs once every list it reads is whole). */
    function list(fi, term, prefix) {
      var st = listState(fi, prefix ? term + PREFIX_MARK : term);
      return st ? st.post : null;
    }

    function parse(query) {
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
      var compact = words(query).join('');
      var need = {};
      terms.forEach(function (t) { need[shardOf(t.prefix ? t.term + PREFIX_MARK : t.term, manifest.shards)] = true; });
      return {
        terms: terms, units: units, compact: compact,
        shards: Object.keys(need).map(function (k) { return 't/' + k; }),
        names: compact ? ['x/' + shardOf(compact, manifest.names)] : []
      };
    }

    /* query.rs `search`: graceful matching by idf-weighted coverage of the query's
     * units, from the loaded term shards only. Returns [{pos, tier, coverage, score}]. */
    function rank(q) {
      var terms = q.terms;
      var units = q.units;
      if (!terms.length) return [];
      var scores = new Map();
      var own = new Map(); // pos → array of booleans: term i in the doc's own fields
      var weights = terms.map(function () { return 0; });

      terms.forEach(function (t, ti) {
        var withTerm = 0;
        fields.forEach(function (field, fi) {
          var postings = list(fi, t.term, t.prefix);
          if (!postings) return;
          /* df as elasticlunr counts it: the documents of this term in this field. */
          var idf = 1 + Math.log(n / (postings.length / 2 + 1));
          var k = (t.prefix ? 1 : idf * idf) * (FIELD_BOOST[field] || 1);
          for (var i = 0; i < postings.length; i += 2) {
            var pos = postings[i];
            scores.set(pos, (scores.get(pos) || 0) + postings[i + 1] * k);
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
        if (pos >= n) return;
        var score = scores.get(pos) || 0;
        var covered = mine;
        /* A matter inherits its agency's words ("社協 貸付") but only alongside its own. */
        var p = parent(pos);
        if (p !== undefined) {
          var theirs = own.get(p);
          if (theirs && theirs.some(function (t, i) { return t && !mine[i]; })) {
            covered = mine.map(function (m, i) { return m || theirs[i]; });
            score += PARENT_WEIGHT * (scores.get(p) || 0);
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

      var kept = candidates.filter(function (c) {
        /* Topics are few and a topic card is the best start: no relative cut. */
        var relative = kind(c.pos) === 'topic' ? 0 : RELATIVE_COVERAGE;
        return c.coverage >= MIN_COVERAGE && c.coverage >= relative * best;
      });
      /* The name or its reading typed exactly, by key in the shard of its first character. */
      var exact = {};
      if (q.compact) {
        var xs = names[shardOf(q.compact, manifest.names)];
        var named = xs && Object.prototype.hasOwnProperty.call(xs, q.compact) ? xs[q.compact] : [];
        named.forEach(function (pos) { exact[pos] = true; });
      }
      /* Topic cards (query.rs): topics matching about as well as the best document,
       * each adding a part of the worry the better ones do not hold. */
      var topicCands = kept.filter(function (c) {
        return kind(c.pos) === 'topic' && c.coverage >= TOPIC_COVERAGE * best;
      }).map(function (c) {
        return {
          exact: !!exact[c.pos], rank: c.score * boost(c.pos) * c.coverage * c.coverage,
          pos: c.pos, held: c.held
        };
      });
      var picked = pickCards(topicCands);
      var isCard = picked.isCard;
      var stars = picked.stars;
      /* A card's ★ desks are listed even when the worry's words are not in their records. */
      var keptPos = {};
      kept.forEach(function (k) { keptPos[k.pos] = true; });
      Object.keys(stars).map(Number).sort(function (a, b) { return a - b; }).forEach(function (pos) {
        if (!keptPos[pos]) kept.push({ pos: pos, score: 0, coverage: 0, held: [] });
      });
      var titled = titleHolders(terms, units);
      var hits = kept.map(function (c) {
        var tier = exact[c.pos] ? 4
          : isCard[c.pos] ? 3
          : stars[c.pos] ? 2
          : titled[c.pos] ? 1 : 0;
        return {
          pos: c.pos, tier: tier, coverage: c.coverage,
          score: c.score * boost(c.pos) * c.coverage * c.coverage, doc: null
        };
      });
      hits.sort(function (a, b) {
        return (b.tier - a.tier) || (b.score - a.score) || (a.pos - b.pos);
      });
      return hits;
    }

    /* query.rs `title_holders`: positions whose own title holds every term of every
     * content unit (not the endings): the name contains every word of the worry. */
    function titleHolders(terms, units) {
      var fi = fields.indexOf('title');
      if (fi < 0) return {};
      var needed = {};
      units.forEach(function (u) {
        if (u.w >= 1) u.ids.forEach(function (i) { needed[i] = true; });
      });
      var holders = null;
      Object.keys(needed).map(Number).sort(function (a, b) { return a - b; }).forEach(function (ti) {
        var these = {};
        var postings = list(fi, terms[ti].term, terms[ti].prefix) || [];
        for (var i = 0; i < postings.length; i += 2) {
          if (!holders || holders[postings[i]]) these[postings[i]] = true;
        }
        holders = these;
      });
      return holders || {};
    }

    /* attempt()'s per-document arrays, kept between calls (a query touches a few
     * thousand of the documents): each call first zeroes what the last one wrote,
     * at the positions it listed in `touched` and `uni`. */
    var scratchArrays = null;
    function scratch() {
      var a = scratchArrays;
      if (!a) {
        a = scratchArrays = {
          sK: new Float64Array(n), Klo: new Int32Array(n), Khi: new Int32Array(n),
          TKlo: new Int32Array(n), TKhi: new Int32Array(n), openIn: new Uint8Array(n),
          openGone: new Float64Array(n), inUni: new Uint8Array(n), isJudged: new Uint8Array(n),
          touched: [], uni: []
        };
        return a;
      }
      for (var i = 0; i < a.touched.length; i++) {
        var p = a.touched[i];
        a.sK[p] = 0;
        a.Klo[p] = a.Khi[p] = a.TKlo[p] = a.TKhi[p] = 0;
        a.openIn[p] = 0;
        a.openGone[p] = 0;
      }
      for (var u = 0; u < a.uni.length; u++) {
        a.inUni[a.uni[u]] = 0;
        a.isJudged[a.uni[u]] = 0;
      }
      a.touched.length = 0;
      a.uni.length = 0;
      return a;
    }

    /* The first `limit` hits, proven from what is loaded so far, or what to load
     * next. Exactly rank()'s result (the same sums in the same order) for the
     * documents it returns; a split list's unloaded part is bounded by its theta,
     * a document's unknown weights are read from its w/ chunk. Returns {hits} or
     * {rows: [w/ chunk numbers], lists: [list states to load further]}. */
    function attempt(q, limit) {
      var terms = q.terms;
      var nt = terms.length;
      if (!nt) return { hits: [] };
      var per = terms.map(function (t) {
        var key = t.prefix ? t.term + PREFIX_MARK : t.term;
        return fields.map(function (field, fi) { return listState(fi, key); });
      });
      var open = [];
      per.forEach(function (ls) { ls.forEach(function (st) { if (st && !st.complete) open.push(st); }); });

      var ks = per.map(function (ls, ti) {
        return ls.map(function (st, fi) {
          if (!st) return 0;
          var idf = 1 + Math.log(n / (st.n + 1));
          return (terms[ti].prefix ? 1 : idf * idf) * (FIELD_BOOST[fields[fi]] || 1);
        });
      });
      var weights = per.map(function (ls, ti) {
        var u = -1;
        ls.forEach(function (st) { if (st && st.u !== undefined) u = st.u; });
        if (u < 0) {
          /* Whole lists only (a split list carries u): counted once per load. */
          var key = (terms[ti].prefix ? '1' : '0') + terms[ti].term;
          u = holders.get(key);
          if (u === undefined) {
            var seen = new Set();
            ls.forEach(function (st) { if (st) for (var i = 0; i < st.post.length; i += 2) seen.add(st.post[i]); });
            u = seen.size;
            holders.set(key, u);
          }
        }
        return u > 0 ? Math.log(1 + n / u) : 0;
      });
      var units = q.units.map(function (u) {
        var known = 0;
        u.ids.forEach(function (i) { known += weights[i]; });
        return { ids: u.ids, w: u.w, known: known };
      }).filter(function (u) { return u.known > 0; });
      if (units.every(function (u) { return u.w < 1; })) return { hits: [] };
      var total = 0;
      units.forEach(function (u) { total += u.w; });
      if (total <= 0) return { hits: [] };
      function coverOf(covered) {
        var weight = 0;
        var held = [];
        units.forEach(function (u, ui) {
          var h = 0;
          u.ids.forEach(function (i) { if (covered[i]) h += weights[i]; });
          weight += u.w * h / u.known;
          if (h / u.known >= 0.5) held.push(ui);
        });
        return { c: weight / total, held: held };
      }
      var titleFi = fields.indexOf('title');
      var needed = [];
      units.forEach(function (u) {
        if (u.w >= 1) u.ids.forEach(function (i) { if (needed.indexOf(i) < 0) needed.push(i); });
      });

      /* Term ti is bit ti % 30 of word ti < 30 ? 0 : 1 (60 terms at most). */
      function bit(ti, word) { return (ti < 30) === (word === 0) ? 1 << (ti % 30) : 0; }
      var openLo = 0, openHi = 0, openTitleLo = 0, openTitleHi = 0, needLo = 0, needHi = 0;
      var thetaAll = 0;
      per.forEach(function (ls, ti) {
        ls.forEach(function (st, fi) {
          if (!st || st.complete) return;
          openLo |= bit(ti, 0);
          openHi |= bit(ti, 1);
          if (fi === titleFi) {
            openTitleLo |= bit(ti, 0);
            openTitleHi |= bit(ti, 1);
          }
          thetaAll += st.theta * ks[ti][fi];
        });
      });
      needed.forEach(function (ti) {
        needLo |= bit(ti, 0);
        needHi |= bit(ti, 1);
      });
      /* Per document: the score of what it is known to hold (rank()'s order of sums),
       * which terms (K) and title terms (TK) it holds, and how many open lists hold
       * it and their theta sum (what it can no longer gain from them). */
      var sc = scratch();
      var sK = sc.sK, Klo = sc.Klo, Khi = sc.Khi, TKlo = sc.TKlo, TKhi = sc.TKhi;
      var openIn = sc.openIn, openGone = sc.openGone, inUni = sc.inUni, isJudged = sc.isJudged;
      var touched = sc.touched;
      var uni = sc.uni;
      var byList = fwdByList();
      per.forEach(function (ls, ti) {
        var lo = bit(ti, 0), hi = bit(ti, 1);
        ls.forEach(function (st, fi) {
          if (!st) return;
          var k = ks[ti][fi];
          var isTitle = fi === titleFi;
          var open = !st.complete;
          var gone = open ? st.theta * k : 0;
          function add(pos, w) {
            if (!Klo[pos] && !Khi[pos]) touched.push(pos);
            sK[pos] += w * k;
            Klo[pos] |= lo;
            Khi[pos] |= hi;
            if (isTitle) {
              TKlo[pos] |= lo;
              TKhi[pos] |= hi;
            }
            if (open) {
              openIn[pos]++;
              openGone[pos] += gone;
            }
          }
          var post = st.post;
          for (var i = 0; i < post.length; i += 2) add(post[i], post[i + 1]);
          if (!open) return;
          /* Held per the w/ chunks, not in the loaded part of the list. */
          var held = byList.get(st.id);
          if (held) {
            for (var h = 0; h < held.length; h += 2) {
              if (held[h + 1] && !st.map.has(held[h])) add(held[h], held[h + 1] / 1000);
            }
          }
        });
      });
      var openCount = 0;
      per.forEach(function (ls) { ls.forEach(function (st) { if (st && !st.complete) openCount++; }); });
      function settled(pos) {
        return openCount === 0 || openIn[pos] === openCount || kind(pos) === 'topic' ||
          Array.isArray(fwd[Math.floor(pos / manifest.chunk)]);
      }
      var covers = new Map();
      function coverMask(lo, hi) {
        var key = hi ? lo + ':' + hi : lo;
        var c = covers.get(key);
        if (c) return c;
        var covered = [];
        for (var ti = 0; ti < nt; ti++) covered[ti] = ((ti < 30 ? lo : hi) >> (ti % 30)) & 1;
        c = coverOf(covered);
        covers.set(key, c);
        return c;
      }
      function judge(pos) {
        var kl = Klo[pos], kh = Khi[pos];
        var ex = settled(pos);
        var ul = ex ? 0 : openLo & ~kl, uh = ex ? 0 : openHi & ~kh;
        var su = ex ? 0 : thetaAll - openGone[pos];
        var p = parent(pos);
        var pkl = 0, pkh = 0, pul = 0, puh = 0, psK = 0, psU = 0, pex = true;
        if (p !== undefined && p !== pos) {
          pkl = Klo[p];
          pkh = Khi[p];
          pex = settled(p);
          if (!pex) {
            pul = openLo & ~pkl;
            puh = openHi & ~pkh;
            psU = thetaAll - openGone[p];
          }
          psK = sK[p];
        }
        var certain = ((pkl & ~kl & ~ul) | (pkh & ~kh & ~uh)) !== 0;
        var possible = (((pkl | pul) & ~kl) | ((pkh | puh) & ~kh)) !== 0;
        var cl = coverMask(kl | pkl, kh | pkh);
        var exact = ex && pex;
        var title = needed.length > 0 && (TKlo[pos] & needLo) === needLo && (TKhi[pos] & needHi) === needHi;
        var tul = ex ? 0 : openTitleLo & ~TKlo[pos], tuh = ex ? 0 : openTitleHi & ~TKhi[pos];
        var maybeTitle = needed.length > 0 && ((TKlo[pos] | tul) & needLo) === needLo && ((TKhi[pos] | tuh) & needHi) === needHi;
        var score = sK[pos];
        if (certain) score += PARENT_WEIGHT * psK;
        var any = (kl | kh) !== 0;
        return {
          pos: pos, exact: exact, any: any, maybe: any || (ul | uh) !== 0,
          c: cl.c, held: cl.held, cHi: exact ? cl.c : coverMask(kl | ul | pkl | pul, kh | uh | pkh | puh).c,
          score: score, scoreHi: sK[pos] + su + (possible ? PARENT_WEIGHT * (psK + psU) : 0),
          title: title, maybeTitle: maybeTitle
        };
      }

      /* Every document whose rank can be told: those seen in a loaded list, the
       * children of those (a matter inherits its agency's words), the rows of loaded
       * w/ chunks, the names typed exactly and the ★ desks of the topics. */
      if (!children) {
        children = new Map();
        for (var i = 0; i < n; i++) {
          if (!up[i]) continue;
          var pa = i - up[i];
          if (!children.has(pa)) children.set(pa, []);
          children.get(pa).push(i);
        }
      }
      function enter(pos) {
        if (pos < n && !inUni[pos]) {
          inUni[pos] = 1;
          uni.push(pos);
        }
      }
      /* (A document of a loaded w/ chunk holding no query term is not judged: it is
       * settled and holds nothing.) */
      touched.forEach(enter);
      var exactNames = {};
      if (q.compact) {
        var xs = names[shardOf(q.compact, manifest.names)];
        (xs && Object.prototype.hasOwnProperty.call(xs, q.compact) ? xs[q.compact] : []).forEach(function (pos) {
          exactNames[pos] = true;
          enter(pos);
        });
      }
      for (var ti2 = 0; ti2 < touched.length; ti2++) {
        var tp = touched[ti2];
        var kids = openCount ? children.get(tp) : undefined;
        if (kids) for (var ki = 0; ki < kids.length; ki++) enter(kids[ki]);
        var cs = cardStars[tp];
        if (cs) for (var ci = 0; ci < cs.length; ci++) enter(cs[ci]);
      }

      /* A document in no loaded list (nor its parent) holds at most the keys of open
       * lists: bound its rank over each set of them it could hold (few terms are open). */
      var openTerms = [];
      per.forEach(function (ls, ti) {
        if (ls.some(function (st) { return st && !st.complete; })) openTerms.push(ti);
      });
      var unseen = [];
      var I = [];
      for (var mask = 1; mask < (1 << Math.min(openTerms.length, 10)); mask++) {
        var has = [];
        var sum = 0;
        openTerms.forEach(function (ti, b) {
          if (openTerms.length > 10 || (mask >> b) & 1) {
            has[ti] = true;
            per[ti].forEach(function (st, fi) { if (st && !st.complete) sum += st.theta * ks[ti][fi]; });
          }
        });
        if (openTerms.length > 10) mask = 1 << 30;
        var cover = coverOf(has).c;
        var titled = needed.length > 0 && needed.every(function (i) {
          var st = per[i][titleFi];
          return has[i] && st && !st.complete;
        });
        unseen.push({ cover: cover, score: sum * (1 + PARENT_WEIGHT) * maxBoost * cover * cover, tier: titled ? 1 : 0 });
        if (cover > (I.cover || 0)) I = { cover: cover };
      }
      var unseenCover = I.cover || 0;
      /* judge()'s coverages alone, without building its record: most documents a
       * common word touches cover too little of the query to be listed. */
      var qc = 0, qcHi = 0, qany = false, qmaybe = false, qexact = false;
      function quick(pos) {
        var kl = Klo[pos], kh = Khi[pos];
        var ex = settled(pos);
        var ul = ex ? 0 : openLo & ~kl, uh = ex ? 0 : openHi & ~kh;
        var p = parent(pos);
        var pkl = 0, pkh = 0, pul = 0, puh = 0, pex = true;
        if (p !== undefined && p !== pos) {
          pkl = Klo[p];
          pkh = Khi[p];
          pex = settled(p);
          if (!pex) {
            pul = openLo & ~pkl;
            puh = openHi & ~pkh;
          }
        }
        qexact = ex && pex;
        qc = coverMask(kl | pkl, kh | pkh).c;
        qcHi = qexact ? qc : coverMask(kl | ul | pkl | pul, kh | uh | pkh | puh).c;
        qany = (kl | kh) !== 0;
        qmaybe = qany || (ul | uh) !== 0;
      }
      var judged = [];
      var lowPos = []; // not judged: below MIN_COVERAGE even at best, not exact
      var lowHi = [];
      var bestLo = 0;
      var bestHi = unseenCover;
      for (var ui = 0; ui < uni.length; ui++) {
        var upos = uni[ui];
        /* Neither a topic (a card) nor a ★ desk of one, and not listed however its
         * unknown weights turn out: it only moves the coverage bounds. */
        if (!starPos[upos] && kind(upos) !== 'topic') {
          quick(upos);
          if (!qmaybe) continue;
          if (qcHi < MIN_COVERAGE) {
            if (qany && qc > bestLo) bestLo = qc;
            if (qcHi > bestHi) bestHi = qcHi;
            if (!qexact) {
              lowPos.push(upos);
              lowHi.push(qcHi);
            }
            continue;
          }
        }
        var j = judge(upos);
        if (!j.maybe) continue;
        if (j.any && j.c > bestLo) bestLo = j.c;
        if (j.cHi > bestHi) bestHi = j.cHi;
        judged.push(j);
        isJudged[j.pos] = 1;
      }
      var doubt = {};
      function resolve(j) {
        doubt[Math.floor(j.pos / manifest.chunk)] = true;
        var p = parent(j.pos);
        if (p !== undefined) doubt[Math.floor(p / manifest.chunk)] = true;
      }
      if (bestLo < bestHi) {
        judged.forEach(function (j) { if (!j.exact && j.cHi > bestLo) resolve(j); });
        lowPos.forEach(function (pos, i) { if (lowHi[i] > bestLo) resolve({ pos: pos }); });
        return plan(doubt, open, Object.keys(doubt).length);
      }
      var best = bestLo;
      function keptBy(c, pos) {
        var relative = kind(pos) === 'topic' ? 0 : RELATIVE_COVERAGE;
        return c >= MIN_COVERAGE && c >= relative * best;
      }
      /* Topic cards, as rank() (topics are always known: pinned in first chunks). */
      var topicCands = judged.filter(function (j) {
        return kind(j.pos) === 'topic' && j.any && keptBy(j.c, j.pos) && j.c >= TOPIC_COVERAGE * best;
      }).map(function (j) {
        return { exact: !!exactNames[j.pos], rank: j.score * boost(j.pos) * j.c * j.c, pos: j.pos, held: j.held };
      });
      var picked = pickCards(topicCands);
      var isCard = picked.isCard;
      var stars = picked.stars;
      /* The best `limit` of the documents whose rank is known, in order; `count` of them all. */
      var known = [];
      var count = 0;
      function before(a, b) {
        return a.tier > b.tier || (a.tier === b.tier && (a.score > b.score || (a.score === b.score && a.pos < b.pos)));
      }
      function offer(pos, tier, coverage, score) {
        count++;
        if (known.length >= limit) {
          var l = known[known.length - 1];
          if (!(tier > l.tier || (tier === l.tier && (score > l.score || (score === l.score && pos < l.pos))))) return;
        }
        var h = { pos: pos, tier: tier, coverage: coverage, score: score, doc: null };
        var lo = 0;
        var hi = known.length;
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (before(known[mid], h)) lo = mid + 1;
          else hi = mid;
        }
        known.splice(lo, 0, h);
        if (known.length > limit) known.pop();
      }
      var pending = [];
      var atLeast = 0;
      for (var ji = 0; ji < judged.length; ji++) {
        var j = judged[ji];
        var pos = j.pos;
        if (j.exact) {
          if (j.any && keptBy(j.c, pos)) {
            offer(pos, exactNames[pos] ? 4 : isCard[pos] ? 3 : stars[pos] ? 2 : j.title ? 1 : 0, j.c,
              j.score * boost(pos) * j.c * j.c);
          } else if (stars[pos]) {
            offer(pos, 2, 0, 0);
          }
          continue;
        }
        if (!stars[pos] && !keptBy(j.cHi, pos)) continue;
        var lo = null;
        if (j.any && keptBy(j.c, pos)) {
          atLeast++;
          lo = {
            pos: pos, tier: exactNames[pos] ? 4 : stars[pos] ? 2 : j.title ? 1 : 0,
            score: j.score * boost(pos) * j.c * j.c
          };
        } else if (stars[pos]) {
          lo = { pos: pos, tier: 2, score: 0 };
        }
        pending.push({
          j: j,
          lo: lo,
          tier: exactNames[pos] ? 4 : stars[pos] ? 2 : j.maybeTitle ? 1 : 0,
          score: j.scoreHi * boost(pos) * j.cHi * j.cHi
        });
      }
      /* Stars not otherwise kept are listed too (rank() adds them with score 0). */
      Object.keys(stars).forEach(function (k) {
        if (!isJudged[Number(k)]) offer(Number(k), 2, 0, 0);
      });
      unseen = unseen.filter(function (u) { return u.cover >= MIN_COVERAGE && u.cover >= RELATIVE_COVERAGE * best; });
      var unseenKept = unseen.length > 0;
      /* The limit-th best of what is surely listed (known ranks, and the least the
       * documents in doubt will rank): anything ranking below it is out. */
      var floor = known.slice(0, limit);
      pending.forEach(function (p) { if (p.lo) floor.push(p.lo); });
      floor.sort(function (a, b) {
        return (b.tier - a.tier) || (b.score - a.score) || (a.pos - b.pos);
      });
      var blocking;
      var unseenBlocks;
      if (floor.length >= limit) {
        var last = floor[limit - 1];
        var after = function (tier, score, pos) {
          return tier < last.tier || (tier === last.tier && (score < last.score || (score === last.score && pos > last.pos)));
        };
        blocking = pending.filter(function (p) { return !after(p.tier, p.score, p.j.pos); });
        unseenBlocks = unseen.some(function (u) { return !after(u.tier, u.score, Infinity); });
      } else {
        blocking = pending;
        unseenBlocks = unseenKept;
      }
      if (!blocking.length && !unseenBlocks) {
        var hits = known;
        hits.total = count + atLeast;
        hits.exact = !pending.length && !unseenKept;
        return { hits: hits };
      }
      blocking.sort(function (a, b) { return (b.tier - a.tier) || (b.score - a.score); });
      /* The ones ranking highest at most first: resolving them raises the floor. */
      for (var bi = 0; bi < blocking.length && Object.keys(doubt).length < ROWS_PER_ROUND; bi++) resolve(blocking[bi].j);
      return plan(doubt, open, blocking.length);
    }

    /* What to load next: the w/ chunks of the documents in doubt, unless the next
     * chunks of the open lists cost less (or the doubt is about unseen documents). */
    function plan(rows, open, doubts) {
      var wanted = Object.keys(rows).filter(function (c) { return !Array.isArray(fwd[c]); });
      var listBytes = 0;
      open.forEach(function (st) { listBytes += LIST_BYTES * Math.pow(GROWTH, st.loaded) * HEAD; });
      /* Resolving the documents in doubt first raises the floor (and may prove the
       * unseen out); when very many are in doubt, the lists' next chunks cost less. */
      if (!wanted.length || Math.min(doubts, ROWS_LIMIT) * ROW_BYTES > listBytes) return { rows: [], lists: open };
      return { rows: wanted, lists: [] };
    }

    /* Display rows of these positions (and of their parents, whose fields a matter
     * inherits), loading the chunks they are in. */
    function docsAt(positions) {
      var want = {};
      positions.forEach(function (pos) {
        want[Math.floor(pos / manifest.chunk)] = true;
        var p = parent(pos);
        if (p !== undefined) want[Math.floor(p / manifest.chunk)] = true;
      });
      return ensure(Object.keys(want).map(function (c) { return 'd/' + c; }), rows).then(function () {
        return positions.map(row);
      });
    }

    function row(pos) {
      var chunk = rows[Math.floor(pos / manifest.chunk)];
      var d = chunk[pos % manifest.chunk];
      if (!d.filled) {
        var p = parent(pos);
        if (p !== undefined && p !== pos) {
          var pd = rows[Math.floor(p / manifest.chunk)][p % manifest.chunk];
          if (d.agency === undefined) d.agency = pd.title;
          INHERITED.forEach(function (key) {
            if (d[key] === undefined && pd[key] !== undefined) d[key] = pd[key];
          });
        }
        Object.defineProperty(d, 'filled', { value: true });
      }
      return d;
    }

    /* Runs a query: loads the term shards it needs (and of a common term's split
     * list only the chunks the first results depend on), ranks, then loads the display
     * rows of the first `shown` hits (30 by default; Infinity for all). Resolves to hits,
     * best first, each {pos, tier, coverage, score, doc}. `hits.total` is the number of
     * hits, or with `hits.exact` false at least that many (a common term's list was not
     * read to its end: only the first `shown`, proven, are returned). */
    function search(query, shown) {
      var q = parse(query);
      var limit = shown === undefined ? 30 : shown;
      function step() {
        var r = limit === Infinity ? null : attempt(q, limit);
        if (r && r.hits) return r.hits;
        var lists = r ? r.lists : openLists(q);
        if (!r && !lists.length) return rank(q);
        return Promise.all(lists.map(more).concat([ensure(r ? r.rows.map(function (c) { return 'w/' + c; }) : [], fwd)])).then(step);
      }
      return Promise.all([ensure(q.shards, shards), ensure(q.names, names)]).then(step).then(function (hits) {
        if (hits.total === undefined) {
          hits.total = hits.length;
          hits.exact = true;
        }
        var first = hits.slice(0, limit);
        return docsAt(first.map(function (h) { return h.pos; })).then(function (docs) {
          first.forEach(function (h, i) { h.doc = docs[i]; });
          return hits;
        });
      });
    }

    function openLists(q) {
      var out = [];
      q.terms.forEach(function (t) {
        fields.forEach(function (field, fi) {
          var st = listState(fi, t.prefix ? t.term + PREFIX_MARK : t.term);
          if (st && !st.complete) out.push(st);
        });
      });
      return out;
    }

    /* Where to start when nothing matches: the ★ desks (agencies), in site order,
     * {url, title, phone, hours} from one small file (search/s.js). */
    var desks = null;
    function starred() {
      if (!desks) {
        desks = Promise.resolve(load('s')).then(function (data) {
          if (!data) throw new Error('tsunagu search: s.js registered nothing');
          return data;
        });
        desks.catch(function () { desks = null; });
      }
      return desks;
    }

    return { search: search, starred: starred, size: n, audience: manifest.audience };
  }

  /* Browser loader: a <script> tag per file, relative to `base` (e.g. "search/"). */
  function scriptLoader(base) {
    return function (name) {
      return new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = base + name + '.js';
        s.async = true;
        s.onload = function () { resolve(take(name)); };
        s.onerror = function () { reject(new Error('tsunagu search: could not load ' + s.src)); };
        document.head.appendChild(s);
      });
    };
  }

  /* Loads the manifest from `base` and returns the index (browser). */
  function open(base) {
    var load = scriptLoader(base);
    return load('manifest').then(function (manifest) { return createIndex(manifest, load); });
  }

  var api = {
    TOKENIZER_VERSION: TOKENIZER_VERSION,
    words: words,
    normalize: normalize,
    tokenize: tokenize,
    queryWords: queryWords,
    termHash: termHash,
    romajiToKana: romajiToKana,
    createIndex: createIndex,
    register: register,
    take: take,
    open: open
  };
  root.TsunaguSearchLoad = register;
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.TsunaguSearchCore = api;
})(typeof self !== 'undefined' ? self : this);
