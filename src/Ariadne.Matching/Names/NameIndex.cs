using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>What else is known about the person a name form belongs to; each part is optional.</summary>
public sealed record NameEvidence(DateOnly? DateOfBirth = null, string? Nationality = null, string? Gender = null);

/// <summary>
/// One person found for a name query: the best of their name forms, its score and why. <c>Score</c> ranks: how alike the
/// names are, partly how many rare keys they share, with the evidence.
/// </summary>
/// <summary>The answers of <see cref="NameIndex.SearchWide"/>, and whether entries sharing a key were left out.</summary>
public sealed record NameSearch(IReadOnlyList<NameHit> Hits, bool Truncated)
{
    public static readonly NameSearch None = new([], false);
}

public sealed record NameHit(string EntityId, double Score, string Name, string Explanation)
{
    /// <summary>
    /// How alike the two names are, with the evidence (date of birth, nationality, gender) and without the rarity share:
    /// the figure to compare with a fixed threshold. The share depends on the rest of the index (a form in another script of
    /// the same person adds keys the query's other readings hold), so it ranks well but drifts as the index grows.
    /// </summary>
    public double NameScore { get; init; }
}

/// <summary>
/// In-memory person-name index (issue #11 items 3 and 4; ADR 0012). Each name form is reduced to a few Latin-side keys
/// (<see cref="NameKeys"/>); a key maps to a compact posting list of int entry ids, so storage grows with the number of
/// name forms and keys, never with matching pairs. A search looks up the query's keys, adds up an IDF-like weight per
/// entry (a key everybody has counts for little, one that only a few names have counts for much), keeps a bounded
/// set of the best candidates, and scores only those with <see cref="NameComparison"/>, which also explains the score.
/// Readers search concurrently under a read lock; add and remove take the write lock.
/// </summary>
public sealed class NameIndex : IDisposable
{
    /// <summary>Entries scored by <see cref="NameComparison"/> per search: bounds the latency whatever the index size.</summary>
    public const int DefaultCandidates = 100;

    /// <summary>
    /// A key held by more entries than this is not walked: at two million names "mhmd" or "ali" is in a tenth of
    /// them and says nearly nothing, while walking it would cost more than the rest of the search.
    /// </summary>
    private const int MaxPostingsWalked = 150_000;

    /// <summary>A key held by more entries than this only raises entries that rarer keys found (see Candidates).</summary>
    private const int FrequentKey = 5_000;

    /// <summary>
    /// Once the query's rarer keys have found this many entries per candidate, a frequent key brings in no new ones.
    /// Measured in one process at 2 M rows (ADR 0012): the same rank for all 581 names-un and 150 public-figures queries
    /// at 50, a pass of names-un 750 → 604 ms; at 20, public-figures lost 蔡英文 for "Tsai Ing-wen", whose keys are all
    /// frequent among the Chinese distractors.
    /// </summary>
    private const int FoundEnoughPerCandidate = 50;

    /// <summary>
    /// A query key held by this few entries is strong evidence on its own: the entries found by such keys (the rarest
    /// first, up to <see cref="KeptCandidates"/> of them) are scored whatever their retrieval score. Otherwise a person who
    /// shares one rare token with the query, written another way in the rest (בנימין נתניהו for "Benjamin Netanyahu", where
    /// the European j of Benjamin gives no key), loses the candidates to the hundreds who share three keys of a common
    /// given name, and the scorer, which would put them first, never sees them (ADR 0012).
    /// </summary>
    private const int RareKeyHolders = 60;

    /// <inheritdoc cref="RareKeyHolders"/>
    private const int KeptCandidates = 60;

    /// <summary>
    /// Retrieval scores are sums of key weights of at least ln 2 · 0.5 each, so a thousandth per key an entry has orders
    /// entries only among those that share the same keys of the query (a tie), never across them (up to 255 keys: 0.26).
    /// </summary>
    private const float TieBreak = 0.001f;

    private const uint SnapshotMagic = 0x4E494458; // "NIDX"
    // 2: skeleton keys of Latin forms read through their hamza and ʿayn marks; 3: Ukrainian forms also read by the
    // Russian scheme, Greek ones also by ISO 843, and a two-letter token's silent h (more keys than a version 2 file holds);
    // 4: dj and dzh are j in the skeleton, and a Korean syllable's Revised Romanization is a key (KoreanRomanisation);
    // 5: an Arabic-script token's Persian reading of ذ ض ظ ث as a key (ConsonantSkeleton.Persian); 6: a one-token form's
    // whole-form key, an Arabic-script form's letter-by-letter reading as a whole-form key, and two adjacent tokens'
    // consonants written as one word (NameKeys); 7: Korean surnames as commonly spelt, a pinyin syllable's Wade-Giles
    // spelling, Kana in passport Hepburn, Devanagari by Hunterian, Hebrew ב and פ soft after a word's start; 8: a Latin
    // form's reading with the Arabic article read apart is keyed (ArabicArticle), and one in Somali spelling
    // (SomaliOrthography), and katakana's reading as the foreign word it transcribes (KanaRomanisation.Loanword);
    // Turkish İ, ə, ð, þ, the African reference alphabet's letters and Cyrillic stress marks fold (NameText); c before e
    // and i is s in the consonant skeleton; 9: a token with no vowel letter (a letter-by-letter reading of Arabic script)
    // keeps t-z and d-j as two consonants; 10: a form's name in brackets is keyed too (NameText.Bracketed), a Korean
    // given name's syllables joined (also without breves) and a Chinese given name's in Wade-Giles joined, and Greek as
    // said (ου u, μπ b, ντ d) is a reading; 11: a Hebrew or Arabic-script form as older European spellings write it
    // (ConsonantSkeleton.AsEuropeanSpelling: Menachem, Joseph, Chalid) is keyed, and Serbian and Macedonian Cyrillic is
    // read by their own Latin alphabets (CyrillicScheme.Serbian, Macedonian) instead of the Russian and Ukrainian schemes,
    // and a form with Polish letters also read as said (PolishOrthography); 12: a form wholly in Chinese characters is
    // also read as Korean reads them (HanjaReading) and keyed by that reading's joined given name and whole form; 13: a
    // Latin form of Korean syllables is also keyed whole in the Revised spellings (Kim Jong Un as gmjngn).
    private const int SnapshotVersion = 13;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    // Entries by id; a removed entry leaves a hole (null name) so that other ids stay valid. Holes are not reused:
    // ids grow with additions, and a snapshot renumbers the live entries densely.
    private readonly List<string?> _names = [];
    private readonly List<int> _entryEntity = [];
    private readonly List<NameEvidence?> _evidence = [];
    // How many keys each entry has (at most 255): the tie-break among entries that share the same keys of a query.
    private readonly List<byte> _entryKeys = [];
    private int _liveEntries;

    private readonly Dictionary<string, int> _entityIds = new(StringComparer.Ordinal);
    private readonly List<string?> _entities = [];
    private readonly List<List<int>?> _entityEntries = [];
    private readonly Stack<int> _freeEntities = new();

    // Keys are interned once in the dictionary; postings are int arrays with a count, grown by doubling.
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private readonly List<Postings> _postings = [];
    private readonly Stack<int> _freeKeys = new();

    private readonly int _candidates;

    // The token keys (t…) as a Bloom filter, for NearTokens; replaced by a larger one when full.
    private TokenKeyFilter _tokenKeys = new(0);

    [ThreadStatic] private static Scratch? t_scratch;

    public NameIndex(int candidates = DefaultCandidates)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        _candidates = candidates;
    }

    public void Dispose() => _lock.Dispose();

    /// <summary>Name forms currently indexed.</summary>
    public int Count
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                return _liveEntries;
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Distinct keys and the postings they hold (for the memory figures of the evaluation command).</summary>
    public (int Keys, long Postings) Size
    {
        get
        {
            _lock.EnterReadLock();
            try
            {
                long postings = 0;
                foreach (var id in _keyIds.Values)
                {
                    postings += _postings[id].Count;
                }
                return (_keyIds.Count, postings);
            }
            finally
            {
                _lock.ExitReadLock();
            }
        }
    }

    /// <summary>Adds one name form of an entity. A form without letters is not indexed; returns whether it was.</summary>
    public bool Add(string entityId, string name, NameEvidence? evidence = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(entityId);
        ArgumentNullException.ThrowIfNull(name);
        // Keys are computed outside the lock: that is the expensive part, and readers need not wait for it.
        var keys = NameKeys.Of(NameComparison.Prepare(name));
        if (keys.Count == 0 && NameText.Tokens(name).Length == 0)
        {
            return false;
        }
        _lock.EnterWriteLock();
        try
        {
            AddLocked(entityId, name, evidence, keys);
            return true;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes every name form of an entity; returns how many there were.</summary>
    public int Remove(string entityId)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_entityIds.TryGetValue(entityId, out var entity))
            {
                return 0;
            }
            var entries = _entityEntries[entity]!.ToArray();
            foreach (var entry in entries)
            {
                RemoveLocked(entry);
            }
            return entries.Length;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Removes one name form of an entity (the first equal one); returns whether there was one.</summary>
    public bool Remove(string entityId, string name)
    {
        _lock.EnterWriteLock();
        try
        {
            if (!_entityIds.TryGetValue(entityId, out var entity))
            {
                return false;
            }
            foreach (var entry in _entityEntries[entity]!)
            {
                if (string.Equals(_names[entry], name, StringComparison.Ordinal))
                {
                    RemoveLocked(entry);
                    return true;
                }
            }
            return false;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// The <paramref name="top"/> most likely distinct entities for a name form, best first, each with the name form
    /// that matched and why. Evidence given with the query raises or lowers an entity's score where both sides have it.
    /// </summary>
    public IReadOnlyList<NameHit> Search(string? query, int top = 10, NameEvidence? evidence = null) =>
        Search(query, top, evidence, _candidates).Hits;

    /// <summary>
    /// Every distinct entity among the <paramref name="candidates"/> entries with the most key weight in common, ranked,
    /// and whether more entries shared a key and were left out (<see cref="NameSearch.Truncated"/>). For a caller that
    /// filters the answers afterwards — a check applies access — and must not let entities it filters out take the
    /// places of those it keeps: it asks again with a larger bound while the answer was truncated and too few passed.
    /// </summary>
    public NameSearch SearchWide(string? query, int candidates, NameEvidence? evidence = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        return Search(query, candidates, evidence, candidates);
    }

    /// <summary>
    /// A key held by more admitted name forms than this pairs nobody in the full cross-reference
    /// (<see cref="SimilarPairs(Func{string, bool}, double, int, Func{string, bool}?)"/>): pairing within a key costs its
    /// size squared, and alike names mostly also share a rarer key (the whole form's consonants, two adjacent tokens
    /// joined, the token starts in any order). Set by measurement at a million Bogus names (ADR 0013): the squared sizes
    /// of keys of at most 63 forms add up to 42 million, of at most 127 to 106 million.
    /// </summary>
    internal const int DefaultBlockAbove = 50;

    /// <summary>
    /// The name score of the same name written otherwise: its words in another order, case or script, with or without
    /// accents (POPESCU ANDREEA MARI / Andreea Mari Popescu). A name alike to many (Andreea Popescu, Andreea Maria Popescu…)
    /// is common and links nothing by itself in the full cross-reference, but two reports that give the same three
    /// names are a link an analyst expects; the same name is common only when more than the bound give it exactly.
    /// </summary>
    internal const double SameName = 1.0;

    /// <summary>
    /// Pairs of distinct entities with name forms alike at or above <paramref name="minimumNameScore"/> (the name score,
    /// not the ranking score, so that the threshold means the same in any index), among entities
    /// <paramref name="include"/> admits; each pair once, with its best score and why: the full cross-reference of issue
    /// #11 item 5, on both cores. Every form is compared with every admitted form that shares one of its keys (blocking by
    /// the index's own keys, which are not computed again, by the first two letters of each token in any order, and by
    /// an Arabic-script form's consonants as its letter-by-letter Latin reading reads them back),
    /// except through keys held by more than <see cref="DefaultBlockAbove"/> admitted forms; each pair of forms is scored
    /// once, by the same scorer and threshold as a search. A form alike to more than <paramref name="commonAbove"/> admitted
    /// others is a common name ("Ivan Petrov" in a national database) and links nothing by itself, as a switchboard number
    /// links nothing: judged on what <paramref name="include"/> admits, so per viewer; a pair with one form that is not
    /// common is still found, from that form, and so is a pair of the same name written otherwise (<see cref="SameName"/>)
    /// unless more than <paramref name="commonAbove"/> give that name exactly.
    /// </summary>
    /// <param name="include">The entities that may take part (the viewer's reach).</param>
    /// <param name="minimumNameScore">The name score a pair needs.</param>
    /// <param name="commonAbove">How many alike others make a name common.</param>
    /// <param name="from">When given, only the forms of these entities are compared ("new links since the last run": the
    /// reports written since); their pairs are still with any entity <paramref name="include"/> admits.</param>
    public IReadOnlyList<(string First, string Second, double Score, string Explanation)> SimilarPairs(
        Func<string, bool> include, double minimumNameScore, int commonAbove = 10, Func<string, bool>? from = null) =>
        SimilarPairs(include, minimumNameScore, commonAbove, from, DefaultBlockAbove);

    /// <summary>
    /// <see cref="SimilarPairs(Func{string, bool}, double, int, Func{string, bool}?)"/> with the block bound given, and with
    /// or without the pass's own keys, of token starts and of Arabic script's letter-by-letter readings (the tests compare
    /// the index's keys alone with the per-form search).
    /// </summary>
    internal IReadOnlyList<(string First, string Second, double Score, string Explanation)> SimilarPairs(
        Func<string, bool> include, double minimumNameScore, int commonAbove, Func<string, bool>? from, int blockAbove,
        bool byTokenStarts = true)
    {
        ArgumentNullException.ThrowIfNull(include);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockAbove, 2);
        // One read lock for the whole pass, held by this thread while the workers read: writers wait, and the lists
        // do not change under them.
        _lock.EnterReadLock();
        try
        {
            return SimilarPairsLocked(include, minimumNameScore, commonAbove, from, blockAbove, byTokenStarts);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private List<(string First, string Second, double Score, string Explanation)> SimilarPairsLocked(
        Func<string, bool> include, double minimumNameScore, int commonAbove, Func<string, bool>? from, int blockAbove,
        bool byTokenStarts)
    {
        // The viewer's reach is asked once per entity, on this thread: the caller's delegate need not be thread-safe.
        var admitted = new bool[_entities.Count];
        var searched = new bool[_entities.Count];
        for (var e = 0; e < _entities.Count; e++)
        {
            if (_entities[e] is { } id && include(id))
            {
                admitted[e] = true;
                searched[e] = from is null || from(id);
            }
        }
        var entryEntity = _entryEntity.ToArray();
        var entries = entryEntity.Length;
        if (entries == 0)
        {
            // An empty index (a host before its first report) pairs nobody; the partitioner refuses an empty range.
            return [];
        }
        // A key's size is what the viewer sees of it: a hidden report must not change which visible pairs are compared.
        var admittedSize = new int[_postings.Count];
        for (var k = 0; k < _postings.Count; k++)
        {
            if (_postings[k] is { Count: >= 2 } postings)
            {
                admittedSize[k] = AdmittedCount(postings, admitted, entryEntity);
            }
        }
        var prepared = new NameComparison.PreparedName?[entries];
        NameComparison.PreparedName Prepared(int entry) => prepared[entry] ??= NameComparison.Prepare(_names[entry]);
        // Every admitted form is read for the scorer once, up front, on both cores (the pass compares each many times).
        Parallel.For(0, entries, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, e =>
        {
            if (_names[e] is not null && admitted[entryEntity[e]])
            {
                Prepared(e);
            }
        });

        // The blocks: the index's keys, and the pass's own key of each form's tokens in any order (below).
        var blocks = new List<(int[] Items, int Count)>();
        for (var k = 0; k < _postings.Count; k++)
        {
            if (admittedSize[k] is >= 2 && admittedSize[k] <= blockAbove)
            {
                blocks.Add((_postings[k].Items, _postings[k].Count));
            }
        }
        if (byTokenStarts)
        {
            blocks.AddRange(TokenStartBlocks(entries, e => _names[e] is not null && admitted[entryEntity[e]], Prepared, blockAbove));
            blocks.AddRange(LetterByLetterBlocks(entries, e => _names[e] is not null && admitted[entryEntity[e]], Prepared, admitted, entryEntity, blockAbove));
            blocks.AddRange(LetterByLetterKeyBlocks(entries, e => _names[e] is not null && admitted[entryEntity[e]], Prepared, blockAbove));
        }
        // The blocks of each searched form (compressed rows): no form is folded or keyed again.
        var start = new int[entries + 1];
        foreach (var (items, count) in blocks)
        {
            for (var i = 0; i < count; i++)
            {
                if (searched[entryEntity[items[i]]])
                {
                    start[items[i] + 1]++;
                }
            }
        }
        for (var e = 0; e < entries; e++)
        {
            start[e + 1] += start[e];
        }
        var blocksOf = new int[start[entries]];
        var next = start[..entries];
        for (var k = 0; k < blocks.Count; k++)
        {
            var (items, count) = blocks[k];
            for (var i = 0; i < count; i++)
            {
                if (searched[entryEntity[items[i]]])
                {
                    blocksOf[next[items[i]]++] = k;
                }
            }
        }

        // Each pair of forms is scored once, from the lower entry (or from the only side searched), and the alike pairs
        // kept; whether a form is common is known only when all its pairs are in.
        var alike = new List<(int EntryA, int EntryB, double Score)>();
        Parallel.ForEach(
            System.Collections.Concurrent.Partitioner.Create(0, entries, Math.Max(256, entries / (Environment.ProcessorCount * 64) + 1)),
            new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            () => new PairScratch(entries),
            (range, _, scratch) =>
            {
                for (var entry = range.Item1; entry < range.Item2; entry++)
                {
                    if (start[entry + 1] > start[entry])
                    {
                        PairsOf(entry, scratch);
                    }
                }
                return scratch;
            },
            scratch =>
            {
                lock (alike)
                {
                    alike.AddRange(scratch.Found);
                }
            });

        // How many other admitted entities each searched form is alike to: more than commonAbove, and it is common.
        var alikeEntities = new long[alike.Count * 2];
        var at = 0;
        foreach (var (entryA, entryB, _) in alike)
        {
            alikeEntities[at++] = ((long)entryA << 32) | (uint)entryEntity[entryB];
            alikeEntities[at++] = ((long)entryB << 32) | (uint)entryEntity[entryA];
        }
        Array.Sort(alikeEntities);
        var alikeCount = new int[entries];
        for (var i = 0; i < alikeEntities.Length; i++)
        {
            if (i == 0 || alikeEntities[i] != alikeEntities[i - 1])
            {
                alikeCount[(int)(alikeEntities[i] >> 32)]++;
            }
        }
        // And how many the same name (SameName): scores are rounded to four places, so this is exact.
        var sameEntities = new List<long>();
        foreach (var (entryA, entryB, score) in alike)
        {
            if (score >= SameName)
            {
                sameEntities.Add(((long)entryA << 32) | (uint)entryEntity[entryB]);
                sameEntities.Add(((long)entryB << 32) | (uint)entryEntity[entryA]);
            }
        }
        sameEntities.Sort();
        var sameCount = new int[entries];
        for (var i = 0; i < sameEntities.Count; i++)
        {
            if (i == 0 || sameEntities[i] != sameEntities[i - 1])
            {
                sameCount[(int)(sameEntities[i] >> 32)]++;
            }
        }
        bool Links(int entry) => searched[entryEntity[entry]] && alikeCount[entry] <= commonAbove;
        bool LinksSameName(int entry) => searched[entryEntity[entry]] && sameCount[entry] <= commonAbove;

        var pairs = new Dictionary<(int, int), (double Score, int EntryA, int EntryB)>();
        foreach (var (entryA, entryB, score) in alike)
        {
            // A common name links nothing by itself; its pair with a name that is not common is still a link, and so is
            // its pair with the same name written otherwise, unless that name is common as written (SameName).
            if (!Links(entryA) && !Links(entryB) && (score < SameName || !LinksSameName(entryA) && !LinksSameName(entryB)))
            {
                continue;
            }
            var (a, b) = (entryEntity[entryA], entryEntity[entryB]);
            var key = a < b ? (a, b) : (b, a);
            // One pair of entities with several alike forms keeps its best score.
            if (!pairs.TryGetValue(key, out var current) || score > current.Score)
            {
                pairs[key] = a < b ? (score, entryA, entryB) : (score, entryB, entryA);
            }
        }
        // Only the pairs kept are explained: an explanation costs more than a score.
        return pairs.Select(p =>
            {
                var (a, b) = p.Key;
                var (score, entryA, entryB) = p.Value;
                return string.CompareOrdinal(_entities[a], _entities[b]) < 0
                    ? (_entities[a]!, _entities[b]!, score, entryA, entryB)
                    : (_entities[b]!, _entities[a]!, score, entryB, entryA);
            })
            .OrderBy(p => p.Item1, StringComparer.Ordinal).ThenBy(p => p.Item2, StringComparer.Ordinal)
            .Select(p => (p.Item1, p.Item2, p.score, NameComparison.Compare(Prepared(p.Item4), Prepared(p.Item5)).Explanation))
            .ToList();

        void PairsOf(int entry, PairScratch scratch)
        {
            var entity = entryEntity[entry];
            var query = Prepared(entry);
            var stamp = entry + 1;
            for (var k = start[entry]; k < start[entry + 1]; k++)
            {
                var (items, count) = blocks[blocksOf[k]];
                for (var i = 0; i < count; i++)
                {
                    var other = items[i];
                    if (scratch.Seen[other] == stamp)
                    {
                        continue;
                    }
                    scratch.Seen[other] = stamp;
                    var otherEntity = entryEntity[other];
                    // The pair with a searched form of a lower entry is scored from there.
                    if (otherEntity == entity || !admitted[otherEntity] || (other < entry && searched[otherEntity]))
                    {
                        continue;
                    }
                    var candidate = Prepared(other);
                    if (NameComparison.ScoreBound(query, candidate) < minimumNameScore)
                    {
                        continue;
                    }
                    var score = NameComparison.Score(query, candidate);
                    if (score >= minimumNameScore)
                    {
                        scratch.Found.Add((entry, other, score));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Forms of two tokens or more grouped by the first two letters of each token, in any order: the key a report's other
    /// ordering of one name shares ("IVANOVA MARIA JULIA" and "Maria Julia Ivanova" share only crowded keys of the index:
    /// ivanova, maria, and the consonants of maria julia, mrjl), and two readings of one name that differ late in each
    /// word (Παύλος Παπάγος read Pavlos Papagos, AnyAscii's Paylos Papagos). One key per Latin reading; groups of more
    /// than <paramref name="blockAbove"/> forms pair nobody, as an index key does not.
    /// </summary>
    private static IEnumerable<(int[] Items, int Count)> TokenStartBlocks(int entries, Func<int, bool> admitted,
        Func<int, NameComparison.PreparedName> prepared, int blockAbove)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var starts = new List<string>();
        var own = new HashSet<string>(StringComparer.Ordinal);
        for (var entry = 0; entry < entries; entry++)
        {
            if (!admitted(entry))
            {
                continue;
            }
            own.Clear();
            TokenStartKeys(prepared(entry), own, starts);
            foreach (var key in own)
            {
                if (!groups.TryGetValue(key, out var group))
                {
                    groups[key] = group = [];
                }
                group.Add(entry);
            }
        }
        return groups.Values.Where(g => g.Count >= 2 && g.Count <= blockAbove).Select(g => (g.ToArray(), g.Count));
    }

    /// <summary>
    /// Each Arabic-script form whose consonants read back otherwise from its letter-by-letter Latin reading (سهند shnd is
    /// s-n-d, not s-h-n-d: <see cref="ConsonantSkeleton.LetterByLetter"/>) with the forms whose whole-form key is that
    /// reading's consonants: the index keys the written ones only, so such a reading shared no key with its source
    /// (شراره طهماسب گلپایگانی / shrrh thmsb glpygny). Blocks of more than <paramref name="blockAbove"/> forms pair
    /// nobody, as an index key does not.
    /// </summary>
    private IEnumerable<(int[] Items, int Count)> LetterByLetterBlocks(int entries, Func<int, bool> admittedEntry,
        Func<int, NameComparison.PreparedName> prepared, bool[] admitted, int[] entryEntity, int blockAbove)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var entry = 0; entry < entries; entry++)
        {
            if (!admittedEntry(entry) || LetterByLetterRead(prepared(entry)) is not { } read)
            {
                continue;
            }
            if (!groups.TryGetValue(read, out var group))
            {
                groups[read] = group = [];
            }
            group.Add(entry);
        }
        foreach (var (read, group) in groups)
        {
            if (!_keyIds.TryGetValue("w" + read, out var id))
            {
                continue;
            }
            var block = new HashSet<int>(group);
            var postings = _postings[id];
            for (var i = 0; i < postings.Count && block.Count <= blockAbove; i++)
            {
                if (admitted[entryEntity[postings.Items[i]]])
                {
                    block.Add(postings.Items[i]);
                }
            }
            if (block.Count >= 2 && block.Count <= blockAbove)
            {
                yield return ([.. block], block.Count);
            }
        }
    }

    /// <summary>
    /// Arabic-script forms and Latin forms that read them letter by letter, grouped by those letters with ي and و kept
    /// (<see cref="ConsonantSkeleton.LetterByLetterKey"/>): آية ريم عارف and its AnyAscii reading ayh rym `rf share only
    /// keys that crowds of vowelled names hold. Groups of more than <paramref name="blockAbove"/> forms pair nobody.
    /// </summary>
    private static IEnumerable<(int[] Items, int Count)> LetterByLetterKeyBlocks(int entries, Func<int, bool> admitted,
        Func<int, NameComparison.PreparedName> prepared, int blockAbove)
    {
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var entry = 0; entry < entries; entry++)
        {
            if (!admitted(entry) || prepared(entry) is not { Script: Script.Arabic or Script.Latin } name
                || ConsonantSkeleton.LetterByLetterKey(name.Folded, name.Script) is not { } key)
            {
                continue;
            }
            if (!groups.TryGetValue(key, out var group))
            {
                groups[key] = group = [];
            }
            group.Add(entry);
        }
        return groups.Values.Where(g => g.Count >= 2 && g.Count <= blockAbove).Select(g => (g.ToArray(), g.Count));
    }

    /// <summary>How many of a key's forms belong to admitted entities: a key's size as the viewer sees it.</summary>
    private static int AdmittedCount(Postings postings, bool[] admitted, int[] entryEntity)
    {
        var n = 0;
        for (var i = 0; i < postings.Count; i++)
        {
            if (admitted[entryEntity[postings.Items[i]]])
            {
                n++;
            }
        }
        return n;
    }

    /// <summary>
    /// The consonants an Arabic-script form's letter-by-letter Latin reading reads back, when they differ from its written
    /// ones and are long enough to block on (<see cref="LetterByLetterBlocks"/>); null otherwise.
    /// </summary>
    private static string? LetterByLetterRead(NameComparison.PreparedName name) =>
        name is { Script: Script.Arabic, LetterByLetterSkeleton: { Length: >= 3 } read } && read != name.Skeleton ? read : null;

    /// <summary>
    /// A form's token-start keys (<see cref="TokenStartBlocks"/>), one per Latin reading of two tokens or more, into
    /// <paramref name="keys"/>. A token's initial y before a vowel is taken as i: ICAO Doc 9303 writes a word's first
    /// я, ю, є as ia, iu, ie where national and BGN/PCGN spellings write ya, yu, ye (Iakiv / Yakiv, Ievhen / Yevhen).
    /// </summary>
    internal static void TokenStartKeys(NameComparison.PreparedName name, HashSet<string> keys, List<string> starts)
    {
        foreach (var reading in name.Readings)
        {
            if (reading.Tokens.Length < 2)
            {
                continue;
            }
            starts.Clear();
            foreach (var token in reading.Tokens)
            {
                var start = token.Length > 2 ? token[..2] : token;
                starts.Add(start is ['y', 'a' or 'e' or 'i' or 'o' or 'u'] ? "i" + start[1] : start);
            }
            starts.Sort(StringComparer.Ordinal);
            keys.Add(string.Join(' ', starts));
        }
    }

    /// <summary>How <see cref="DiagnosePairs"/> writes a letter-by-letter reading's consonants among the keys.</summary>
    private const string ReadPrefix = "read ";

    /// <summary>
    /// Why the full cross-reference did or did not pair two entities (the bench lists the planted pairs it missed, issue
    /// #11): their forms' best name score, and every blocking key a form of one shares with a form of the other (index
    /// keys, token-start keys, and an Arabic-script form's letter-by-letter consonants met by the other's whole-form
    /// key), with how many admitted forms hold it, since a key held by more than the block bound pairs nobody. Not for
    /// the host: it reads every form once for the sizes of the pass's own keys.
    /// </summary>
    internal IReadOnlyList<PairDiagnosis> DiagnosePairs(IReadOnlyList<(string First, string Second)> pairs, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(include);
        _lock.EnterReadLock();
        try
        {
            var admitted = new bool[_entities.Count];
            for (var e = 0; e < _entities.Count; e++)
            {
                admitted[e] = _entities[e] is { } id && include(id);
            }
            var starts = new List<string>();
            List<(int Entry, NameComparison.PreparedName Name, HashSet<string> Keys, HashSet<string> Starts)> Forms(string entityId)
            {
                var forms = new List<(int, NameComparison.PreparedName, HashSet<string>, HashSet<string>)>();
                if (_entityIds.TryGetValue(entityId, out var entity))
                {
                    foreach (var entry in _entityEntries[entity]!)
                    {
                        var prepared = NameComparison.Prepare(_names[entry]);
                        var own = new HashSet<string>(StringComparer.Ordinal);
                        TokenStartKeys(prepared, own, starts);
                        forms.Add((entry, prepared, NameKeys.Of(prepared), own));
                    }
                }
                return forms;
            }
            var found = new List<(string First, string Second, double Score, List<string> Index, List<string> Starts)>();
            var wanted = new Dictionary<string, StrongBox<int>>(StringComparer.Ordinal);
            foreach (var (first, second) in pairs)
            {
                var (a, b) = (Forms(first), Forms(second));
                var score = 0.0;
                var index = new SortedSet<string>(StringComparer.Ordinal);
                var shared = new SortedSet<string>(StringComparer.Ordinal);
                foreach (var x in a)
                {
                    foreach (var y in b)
                    {
                        score = Math.Max(score, NameComparison.Score(x.Name, y.Name));
                        index.UnionWith(x.Keys.Intersect(y.Keys));
                        shared.UnionWith(x.Starts.Intersect(y.Starts));
                        foreach (var (arabic, other) in new[] { (x, y), (y, x) })
                        {
                            // LetterByLetterBlocks: the reading's consonants against the other form's whole-form key.
                            if (LetterByLetterRead(arabic.Name) is { } read && other.Keys.Contains("w" + read))
                            {
                                shared.Add(ReadPrefix + read);
                            }
                        }
                    }
                }
                foreach (var key in shared)
                {
                    wanted.TryAdd(key, new StrongBox<int>());
                }
                found.Add((first, second, score, [.. index], [.. shared]));
            }
            if (wanted.Count > 0)
            {
                // The token-start keys are the pass's own, not stored: every admitted form is read again to count them.
                Parallel.For(0, _names.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                    () => (Keys: new HashSet<string>(StringComparer.Ordinal), Starts: new List<string>()),
                    (entry, _, local) =>
                    {
                        if (_names[entry] is { } name && admitted[_entryEntity[entry]])
                        {
                            local.Keys.Clear();
                            var prepared = NameComparison.Prepare(name);
                            TokenStartKeys(prepared, local.Keys, local.Starts);
                            if (LetterByLetterRead(prepared) is { } read)
                            {
                                local.Keys.Add(ReadPrefix + read);
                            }
                            foreach (var key in local.Keys)
                            {
                                if (wanted.TryGetValue(key, out var box))
                                {
                                    Interlocked.Increment(ref box.Value);
                                }
                            }
                        }
                        return local;
                    },
                    _ => { });
            }
            var entryEntity = _entryEntity.ToArray();
            int AdmittedForms(string key) =>
                _keyIds.TryGetValue(key, out var id) ? AdmittedCount(_postings[id], admitted, entryEntity) : 0;
            // A letter-by-letter block holds the Arabic forms read so and the forms with that whole-form key.
            return found.Select(f => new PairDiagnosis(f.First, f.Second, f.Score,
                    [.. f.Index.Select(k => (k, AdmittedForms(k))),
                        .. f.Starts.Select(k => k.StartsWith(ReadPrefix, StringComparison.Ordinal)
                            ? (k, wanted[k].Value + AdmittedForms("w" + k[ReadPrefix.Length..]))
                            : ("start " + k, wanted[k].Value))]))
                .ToList();
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Two entities' best name score and the blocking keys their forms share, each with the admitted forms that hold
    /// it (<see cref="NameIndex.DiagnosePairs"/>); a token-start key is written "start " and the key, a letter-by-letter
    /// reading's consonants "read " and them.
    /// </summary>
    internal sealed record PairDiagnosis(string First, string Second, double Score, IReadOnlyList<(string Key, int Forms)> SharedKeys);

    /// <summary>One worker's state in <see cref="SimilarPairs(Func{string, bool}, double, int, Func{string, bool}?)"/>.</summary>
    private sealed class PairScratch(int entries)
    {
        /// <summary>Per entry, the last form (id + 1) that met it: no clearing between forms.</summary>
        public int[] Seen { get; } = new int[entries];

        public List<(int EntryA, int EntryB, double Score)> Found { get; } = [];
    }

    /// <summary>
    /// Pairs of distinct entities with name forms alike at or above <paramref name="minimumNameScore"/> (the name score,
    /// not the ranking score, so that the threshold means the same in any index), among entities
    /// <paramref name="include"/> admits; each pair once, with its best score and why. Every form is searched among the
    /// <paramref name="candidates"/> entries sharing the most key weight with it: the full cross-reference of issue #11
    /// item 5, on both cores. A pair found from one side only is still found: the other side's search is not needed.
    /// A form alike to more than <paramref name="commonAbove"/> admitted others is a common name ("Ivan Petrov" in a
    /// national database) and links nothing by itself, as a switchboard number links nothing: judged on what
    /// <paramref name="include"/> admits, so per viewer; but to the same name written otherwise (<see cref="SameName"/>)
    /// unless more than <paramref name="commonAbove"/> give that name exactly.
    /// </summary>
    /// <param name="include">The entities that may take part (the viewer's reach).</param>
    /// <param name="minimumNameScore">The name score a pair needs.</param>
    /// <param name="candidates">Entries scored per form.</param>
    /// <param name="commonAbove">How many alike others make a name common.</param>
    /// <param name="from">When given, only the forms of these entities are searched ("new links since the last run": the
    /// reports written since); their pairs are still with any entity <paramref name="include"/> admits.</param>
    internal IReadOnlyList<(string First, string Second, double Score, string Explanation)> SimilarPairsBySearch(
        Func<string, bool> include, double minimumNameScore, int candidates, int commonAbove, Func<string, bool>? from = null)
    {
        ArgumentNullException.ThrowIfNull(include);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        List<(string Entity, string Name)> forms;
        _lock.EnterReadLock();
        try
        {
            forms = new List<(string, string)>(_liveEntries);
            for (var entry = 0; entry < _names.Count; entry++)
            {
                if (_names[entry] is { } name && _entities[_entryEntity[entry]] is { } entity && (from is null || from(entity)) && include(entity))
                {
                    forms.Add((entity, name));
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
        var pairs = new System.Collections.Concurrent.ConcurrentDictionary<(string, string), (double Score, string A, string B)>();
        Parallel.ForEach(forms, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, form =>
        {
            // Entries sharing a key, as the blocking pass defines them: no near tokens (NearTokens serves a person's search).
            var alike = Search(form.Name, candidates, null, candidates, explain: false, widen: false).Hits
                .Where(hit => hit.NameScore >= minimumNameScore && hit.EntityId != form.Entity && include(hit.EntityId))
                .ToList();
            if (alike.Count > commonAbove)
            {
                // A common name links only to the same name written otherwise, and only if that is not common (SameName).
                alike = alike.Where(hit => hit.NameScore >= SameName).ToList();
                if (alike.Count > commonAbove)
                {
                    return;
                }
            }
            foreach (var hit in alike)
            {
                var first = string.CompareOrdinal(form.Entity, hit.EntityId) < 0;
                var key = first ? (form.Entity, hit.EntityId) : (hit.EntityId, form.Entity);
                var value = first ? (hit.NameScore, form.Name, hit.Name) : (hit.NameScore, hit.Name, form.Name);
                pairs.AddOrUpdate(key, value, (_, current) => value.NameScore > current.Score ? value : current);
            }
        });
        // Only the pairs kept are explained: an explanation costs more than a score.
        return pairs.OrderBy(p => p.Key.Item1, StringComparer.Ordinal).ThenBy(p => p.Key.Item2, StringComparer.Ordinal)
            .Select(p => (p.Key.Item1, p.Key.Item2, p.Value.Score, NameComparison.Compare(p.Value.A, p.Value.B).Explanation))
            .ToList();
    }

    private NameSearch Search(string? query, int top, NameEvidence? evidence, int cap, bool explain = true, bool widen = true)
    {
        if (top < 1 || string.IsNullOrWhiteSpace(query))
        {
            return NameSearch.None;
        }
        var prepared = NameComparison.Prepare(query);
        var eachReading = new List<HashSet<string>>(prepared.Readings.Length);
        var dialect = new HashSet<string>(StringComparer.Ordinal);
        var keys = NameKeys.Of(prepared, eachReading, asQuery: true, dialect);
        if (keys.Count == 0)
        {
            return NameSearch.None;
        }
        _lock.EnterReadLock();
        try
        {
            var near = widen ? NearTokens(prepared, keys) : null;
            var (candidates, queryWeight, truncated, keyWeights) = Candidates(keys, eachReading, cap, dialect, near);
            var acrossNames = SharesAcrossNames(candidates, queryWeight, keyWeights);
            var best = new Dictionary<int, (double Score, double Name, double Share, bool Across, int Entry)>();
            foreach (var (entry, retrieval, _) in candidates)
            {
                var name = NameComparison.Score(prepared, NameComparison.Prepare(_names[entry]));
                var share = queryWeight > 0 ? Math.Min(1, retrieval / queryWeight) : 0;
                var entityShare = acrossNames?.GetValueOrDefault(_entryEntity[entry]) ?? 0;
                var across = entityShare > share;
                share = Math.Max(share, entityShare);
                var (score, _) = WithEvidence(Blend(name, share), "", evidence, _evidence[entry]);
                var entity = _entryEntity[entry];
                // One answer per entity: its best form; on a tie the better name score, then the form added first,
                // so that the same index always answers the same way.
                if (!best.TryGetValue(entity, out var current) || score > current.Score
                    || (score == current.Score && (name > current.Name || (name == current.Name && entry < current.Entry))))
                {
                    best[entity] = (score, name, share, across, entry);
                }
            }
            var ranked = best.Select(p => (Entity: p.Key, p.Value.Score, p.Value.Name, p.Value.Share, p.Value.Across, p.Value.Entry)).ToList();
            // Ties go by id so that answers are stable.
            ranked.Sort((a, b) =>
            {
                var c = b.Score.CompareTo(a.Score);
                return c != 0 ? c : string.CompareOrdinal(_entities[a.Entity], _entities[b.Entity]);
            });
            // Only the answers are explained: writing an explanation costs more than the score.
            var hits = new List<NameHit>(Math.Min(top, ranked.Count));
            foreach (var (entity, score, name, share, across, entry) in ranked.Take(top))
            {
                if (!explain)
                {
                    hits.Add(new NameHit(_entities[entity]!, score, _names[entry]!, "") { NameScore = WithEvidence(name, "", evidence, _evidence[entry]).Score });
                    continue;
                }
                var match = NameComparison.Compare(prepared, NameComparison.Prepare(_names[entry]));
                var why = string.Create(CultureInfo.InvariantCulture,
                    $"{match.Explanation}; name score {match.Score:0.00}, rare keys in common {share:0.00}{(across ? " with the person's other names" : "")}");
                var (nameScore, explanation) = WithEvidence(match.Score, why, evidence, _evidence[entry]);
                hits.Add(new NameHit(_entities[entity]!, score, _names[entry]!, explanation) { NameScore = nameScore });
            }
            return new NameSearch(hits, truncated);
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// Share of the score that comes from rare keys in common. Measured on names-un in 200,000 rows (ADR 0012): recall@10
    /// 0.812 at 0, 0.838 at 0.3, 0.842 at 0.4 and 0.5, 0.840 at 0.6; the lower of the plateau keeps names first.
    /// </summary>
    private const double RarityWeight = 0.4;

    /// <summary>
    /// How much a query's key from the dialect readings of ق and ج as g counts against a standard key
    /// (<see cref="NameKeys.Of(NameComparison.PreparedName, List{HashSet{string}}?, bool, HashSet{string}?)"/>): enough to
    /// bring معمر القذافي's Latin form Muammar Gaddafi among the candidates, not so much that distractors spelt with g
    /// outweigh the standard reading (ADR 0012).
    /// </summary>
    private const double DialectKeyWeight = 0.5;

    /// <summary>
    /// The score of an entry: mostly how alike the names are (<see cref="NameComparison"/>), partly how much of the
    /// query's key weight it shares. Sharing a rare token (Yakutumba) is strong evidence that token similarity alone
    /// misses: Jaro-Winkler finds "yakub" close to "yakutumba", and a short common name outscored the right person's
    /// longer listed name among two million others. An exact match has both parts at 1.
    /// </summary>
    private static double Blend(double name, double share) =>
        Math.Round((1 - RarityWeight) * name + RarityWeight * share, 4);

    /// <summary>
    /// For each candidate entity with more than one name form among the candidates, the share of the query's key weight
    /// that those forms hold between them: each key counted once, whichever form holds it. A person listed as MOHAMMAD
    /// ZAHID and also as Jan Agha Ahmadzai is the one a query "Zahid Ahmadzai" is about, though each form shares one token
    /// only; without this, the thousands of others called Zahid tie with them. The name score stays the best single
    /// form's, so this moves the rarity part only; and a key counts once however many forms hold it, so an entity with many
    /// aliases that all share one common token (Abu) gains nothing from their number. Only the query's
    /// <see cref="MaskedKeys"/> rarest keys are tracked, the ones that carry the weight. Null when no entity has two.
    /// </summary>
    private Dictionary<int, double>? SharesAcrossNames(List<(int Entry, double Retrieval, uint Keys)> candidates,
        double queryWeight, float[] keyWeights)
    {
        if (queryWeight <= 0)
        {
            return null;
        }
        Dictionary<int, (uint Keys, int Forms)>? union = null;
        var firstForm = new Dictionary<int, uint>(candidates.Count);
        foreach (var (entry, _, keys) in candidates)
        {
            var entity = _entryEntity[entry];
            if (!firstForm.TryAdd(entity, keys))
            {
                union ??= [];
                var (held, forms) = union.GetValueOrDefault(entity, (firstForm[entity], 1));
                union[entity] = (held | keys, forms + 1);
            }
        }
        if (union is null)
        {
            return null;
        }
        var shares = new Dictionary<int, double>(union.Count);
        foreach (var (entity, (keys, _)) in union)
        {
            var held = 0.0;
            for (var k = 0; k < keyWeights.Length; k++)
            {
                if ((keys & (1u << k)) != 0)
                {
                    held += keyWeights[k];
                }
            }
            shares[entity] = Math.Min(1, held / queryWeight);
        }
        return shares;
    }

    /// <summary>
    /// How much an indexed token one edit away from a rare query token counts against the token itself, in retrieval and
    /// in the share of rare keys in common; it is left out of the query's own weight (an exact form keeps a share of 1)
    /// and out of the count over a person's names (a near token and the exact one are one token). Measured on names-un at
    /// 2 M rows (ADR 0012): with the share counting near tokens, @10 0.847 and @1 0.773; counting them for retrieval
    /// only, @10 0.843: "Sanani" finds HAMDULLAH SUNANI among the candidates, and the share puts it first.
    /// </summary>
    private const double NearKeyWeight = 0.5;

    /// <summary>A query token held by fewer entries than this is looked up with its one-edit neighbours too.</summary>
    private const int NearRareBelow = 50;

    /// <summary>Neighbours are looked for only for tokens of this length: shorter ones have too many, longer ones few typos.</summary>
    private const int NearMinLength = 5, NearMaxLength = 20;

    /// <summary>
    /// The token keys in the index one edit (a letter left out, added, changed, or two swapped) from a query token that
    /// is rare or absent: a spelling one letter off (Akmad for Ahmad, Sanani for Sunani) shares no key with the right
    /// form, which then ties with every other holder of the query's common token (Santos) and is cut from the candidates
    /// though the scorer puts it first. A common query token is spelt as the index spells it and is not widened.
    /// Caller holds the read lock.
    /// </summary>
    private HashSet<string>? NearTokens(NameComparison.PreparedName prepared, HashSet<string> keys)
    {
        HashSet<string>? near = null;
        var lookup = _keyIds.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[NearMaxLength + 2];
        HashSet<string>? seen = null;
        foreach (var reading in prepared.Readings)
        {
            foreach (var token in reading.Tokens)
            {
                if (prepared.Readings.Length > 1 && !(seen ??= new(StringComparer.Ordinal)).Add(token))
                {
                    // The same token in another reading (most readings differ in one token only).
                    continue;
                }
                if (token.Length < NearMinLength || token.Length > NearMaxLength || !IsFoldedLatin(token))
                {
                    continue;
                }
                buffer[0] = 't';
                var n = token.Length;
                token.AsSpan().CopyTo(buffer[1..]);
                if (lookup.TryGetValue(buffer[..(n + 1)], out _, out var own) && _postings[own].Count >= NearRareBelow)
                {
                    continue;
                }
                // Left out: n - 1 letters.
                for (var i = 0; i < n; i++)
                {
                    token.AsSpan(0, i).CopyTo(buffer[1..]);
                    token.AsSpan(i + 1).CopyTo(buffer[(1 + i)..]);
                    Look(buffer[..n]);
                }
                // Changed, and added: the letter at i replaced, or one inserted before i.
                for (var i = 0; i <= n; i++)
                {
                    for (var letter = 'a'; letter <= 'z'; letter++)
                    {
                        if (i < n && letter != token[i])
                        {
                            token.AsSpan().CopyTo(buffer[1..]);
                            buffer[1 + i] = letter;
                            Look(buffer[..(n + 1)]);
                        }
                        token.AsSpan(0, i).CopyTo(buffer[1..]);
                        buffer[1 + i] = letter;
                        token.AsSpan(i).CopyTo(buffer[(2 + i)..]);
                        Look(buffer[..(n + 2)]);
                    }
                }
                // Two neighbours swapped.
                for (var i = 0; i + 1 < n; i++)
                {
                    if (token[i] != token[i + 1])
                    {
                        token.AsSpan().CopyTo(buffer[1..]);
                        (buffer[1 + i], buffer[2 + i]) = (token[i + 1], token[i]);
                        Look(buffer[..(n + 1)]);
                    }
                }
            }
        }
        return near;

        void Look(ReadOnlySpan<char> key)
        {
            if (_tokenKeys.MayContain(key) && lookup.TryGetValue(key, out var actual, out _) && !keys.Contains(actual))
            {
                (near ??= new(StringComparer.Ordinal)).Add(actual);
            }
        }
    }

    /// <summary>Remembers a new key in the token-key filter if it is a token key. Caller holds the write lock.</summary>
    private void AddTokenKey(string key)
    {
        if (key[0] != 't' || _tokenKeys.TryAdd(key))
        {
            return;
        }
        // Full: twice the size for the token keys there are now (the new one among them), amortised over the additions.
        var tokens = _keyIds.Keys.Where(k => k[0] == 't').ToList();
        _tokenKeys = new TokenKeyFilter(tokens.Count * 2);
        foreach (var token in tokens)
        {
            _tokenKeys.TryAdd(token);
        }
    }

    private static bool IsFoldedLatin(string token)
    {
        foreach (var c in token)
        {
            if (c is < 'a' or > 'z')
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>How many of a query's rarest keys a candidate's retrieval remembers, one bit each.</summary>
    private const int MaskedKeys = 32;

    /// <summary>
    /// The bounded candidate set: entries with the highest sum of key weights, best first, and the weight of the keys the
    /// index holds of the query's heaviest reading (what an entry sharing every key of that reading would have). Per
    /// reading, because a candidate in Latin shares one reading of a Cyrillic form: measured against all three at once,
    /// an exact match's share was a third, and depended on whether other forms in the index held the other readings.
    /// </summary>
    private (List<(int Entry, double Retrieval, uint Keys)> Candidates, double QueryWeight, bool Truncated, float[] KeyWeights)
        Candidates(HashSet<string> keys, List<HashSet<string>> eachReading, int cap, HashSet<string>? dialect = null,
            HashSet<string>? near = null)
    {
        var scratch = t_scratch ??= new Scratch();
        scratch.Ensure(_names.Count);
        var n = Math.Max(1, _liveEntries);
        var queryWeight = 0.0;
        try
        {
            // Rarest keys first. A key held by many entries only adds its (small) weight to entries a rarer key has
            // already found, by binary search in its sorted postings, instead of walking the whole list: at two million
            // names s:mhmd or t:ali hold tens of thousands of entries, and walking them was most of the latency.
            var found = new List<(string Key, Postings Postings)>(keys.Count);
            foreach (var key in keys)
            {
                if (_keyIds.TryGetValue(key, out var id))
                {
                    found.Add((key, _postings[id]));
                }
            }
            foreach (var key in near ?? [])
            {
                // Found by NearTokens in the index and not among the query's own keys.
                found.Add((key, _postings[_keyIds[key]]));
            }
            found.Sort((x, y) => x.Postings.Count.CompareTo(y.Postings.Count));
            // The touched entries the rarest keys found, kept among the candidates whatever their retrieval score.
            var kept = 0;
            var weights = eachReading.Count > 1 ? new Dictionary<string, float>(found.Count, StringComparer.Ordinal) : null;
            // The weight of each of the rarest keys, and per entry a bit for each of them it holds (SharesAcrossNames).
            var keyWeights = new float[Math.Min(found.Count, MaskedKeys)];
            for (var k = 0; k < found.Count; k++)
            {
                var (key, postings) = found[k];
                var bit = k < MaskedKeys ? 1u << k : 0;
                // IDF-like: ln(1 + N / df). A key in every entry adds ~0.7, one in a single entry ~ln(N).
                var isNear = near is not null && near.Contains(key);
                var weight = (float)(NameKeys.KindWeight(key) * Math.Log(1 + (double)n / postings.Count)
                    * (dialect is { Count: > 0 } && dialect.Contains(key) ? DialectKeyWeight : isNear ? NearKeyWeight : 1));
                if (!isNear)
                {
                    // A near token raises the entries that hold it; it is not part of what the query asks for, so an
                    // entry that holds every exact key keeps its whole share.
                    queryWeight += weight;
                }
                weights?.Add(key, weight);
                if (k < MaskedKeys)
                {
                    keyWeights[k] = isNear ? 0 : weight;
                }
                var items = postings.Items;
                var touched = scratch.Touched.Count;
                if (touched > 0 && postings.Count > FrequentKey && touched * 20 < postings.Count)
                {
                    for (var t = 0; t < touched; t++)
                    {
                        var entry = scratch.Touched[t];
                        if (Array.BinarySearch(items, 0, postings.Count, entry) >= 0)
                        {
                            scratch.Scores[entry] += weight;
                            scratch.Keys[entry] |= bit;
                        }
                    }
                    continue;
                }
                if (postings.Count > MaxPostingsWalked || (isNear && postings.Count > FrequentKey))
                {
                    // A near token thousands hold only raises what the query's own keys found (above), when they found
                    // few: bringing in its holders would crowd the candidates for a letter the query may not have meant.
                    continue;
                }
                if (touched >= (long)FoundEnoughPerCandidate * cap && postings.Count > FrequentKey)
                {
                    // The rarer keys have found fifty times the candidates: a frequent key only raises what they found.
                    // Walked as below, its thousands of holders joined the touched, and every key after it was then walked
                    // whole too (touched · 20 no longer below its count). Retrieval was half the time of the slowest queries,
                    // long names of common Arabic tokens (ADR 0012).
                    for (var i = 0; i < postings.Count; i++)
                    {
                        var entry = items[i];
                        if (scratch.Scores[entry] != 0)
                        {
                            scratch.Scores[entry] += weight;
                            scratch.Keys[entry] |= bit;
                        }
                    }
                    continue;
                }
                for (var i = 0; i < postings.Count; i++)
                {
                    var entry = items[i];
                    if (scratch.Scores[entry] == 0)
                    {
                        scratch.Touched.Add(entry);
                    }
                    scratch.Scores[entry] += weight;
                    scratch.Keys[entry] |= bit;
                }
                if (kept == touched && !isNear && postings.Count <= RareKeyHolders && scratch.Touched.Count <= KeptCandidates)
                {
                    kept = scratch.Touched.Count;
                }
            }
            // A min-heap of the best few: O(touched · log cap), no sort of everything touched. Entries that share the same
            // keys of the query have the same retrieval score; among them the one with fewer keys of its own goes first
            // (the shorter form, which the scorer puts closer to the query), not the one added first: otherwise a common
            // surname's thousands of holders are cut by the order in which they were indexed, and a report indexed late
            // loses to an early one that differs only in that order (measured on names-un: the files indexed in reverse
            // order lost 0.014 of recall@10; with this tie-break, 0.001).
            var heap = new PriorityQueue<int, float>(Math.Min(cap, scratch.Touched.Count) + 1);
            var entryKeys = CollectionsMarshal.AsSpan(_entryKeys);
            foreach (var entry in scratch.Touched)
            {
                var priority = scratch.Scores[entry] - TieBreak * entryKeys[entry];
                if (heap.Count < cap)
                {
                    heap.Enqueue(entry, priority);
                }
                else if (heap.TryPeek(out _, out var lowest) && priority > lowest)
                {
                    heap.DequeueEnqueue(entry, priority);
                }
            }
            var result = new List<(int, double, uint)>(heap.Count + kept);
            var inHeap = kept > 0 ? new HashSet<int>(heap.Count) : null;
            while (heap.TryDequeue(out var entry, out _))
            {
                result.Add((entry, scratch.Scores[entry], scratch.Keys[entry]));
                inHeap?.Add(entry);
            }
            result.Reverse();
            for (var t = 0; t < kept; t++)
            {
                var entry = scratch.Touched[t];
                if (!inHeap!.Contains(entry))
                {
                    result.Add((entry, scratch.Scores[entry], scratch.Keys[entry]));
                }
            }
            if (weights is not null)
            {
                queryWeight = eachReading.Max(reading => reading.Sum(key => weights.GetValueOrDefault(key)));
            }
            return (result, queryWeight, scratch.Touched.Count > cap, keyWeights);
        }
        finally
        {
            foreach (var entry in scratch.Touched)
            {
                scratch.Scores[entry] = 0;
                scratch.Keys[entry] = 0;
            }
            scratch.Touched.Clear();
        }
    }

    /// <summary>
    /// Evidence moves a name score a little: names decide, a matching birth date only breaks near-ties, and a
    /// conflicting one (two different people with one name) pushes the entity down.
    /// </summary>
    internal static (double Score, string Explanation) WithEvidence(double score, string explanation, NameEvidence? query, NameEvidence? entry)
    {
        if (query is null || entry is null)
        {
            return (score, explanation);
        }
        var notes = new List<string>();
        if (query.DateOfBirth is { } a && entry.DateOfBirth is { } b)
        {
            var same = a == b;
            score += same ? 0.05 : -0.15;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"date of birth {(same ? "the same" : "differs")} ({a:yyyy-MM-dd} / {b:yyyy-MM-dd})"));
        }
        if (!string.IsNullOrWhiteSpace(query.Nationality) && !string.IsNullOrWhiteSpace(entry.Nationality))
        {
            var same = string.Equals(query.Nationality.Trim(), entry.Nationality.Trim(), StringComparison.OrdinalIgnoreCase);
            score += same ? 0.03 : -0.05;
            notes.Add($"nationality {(same ? "the same" : "differs")} ({query.Nationality} / {entry.Nationality})");
        }
        if (!string.IsNullOrWhiteSpace(query.Gender) && !string.IsNullOrWhiteSpace(entry.Gender))
        {
            var same = string.Equals(query.Gender.Trim(), entry.Gender.Trim(), StringComparison.OrdinalIgnoreCase);
            score += same ? 0.02 : -0.1;
            notes.Add($"gender {(same ? "the same" : "differs")} ({query.Gender} / {entry.Gender})");
        }
        return notes.Count == 0
            ? (score, explanation)
            : (Math.Round(Math.Clamp(score, 0, 1), 4), explanation + "; " + string.Join("; ", notes));
    }

    private void AddLocked(string entityId, string name, NameEvidence? evidence, HashSet<string> keys)
    {
        if (!_entityIds.TryGetValue(entityId, out var entity))
        {
            if (_freeEntities.TryPop(out entity))
            {
                _entities[entity] = entityId;
                _entityEntries[entity] = [];
            }
            else
            {
                entity = _entities.Count;
                _entities.Add(entityId);
                _entityEntries.Add([]);
            }
            _entityIds.Add(entityId, entity);
        }
        var entry = _names.Count;
        _names.Add(name);
        _entryEntity.Add(entity);
        _evidence.Add(evidence);
        _entryKeys.Add((byte)Math.Min(keys.Count, byte.MaxValue));
        _entityEntries[entity]!.Add(entry);
        _liveEntries++;
        foreach (var key in keys)
        {
            if (!_keyIds.TryGetValue(key, out var id))
            {
                if (_freeKeys.TryPop(out id))
                {
                    _postings[id] = new Postings();
                }
                else
                {
                    id = _postings.Count;
                    _postings.Add(new Postings());
                }
                _keyIds.Add(key, id);
                AddTokenKey(key);
            }
            _postings[id].Add(entry);
        }
    }

    private void RemoveLocked(int entry)
    {
        var name = _names[entry];
        if (name is null)
        {
            return;
        }
        // The keys are computed again from the name: storing them per entry would double the memory.
        foreach (var key in NameKeys.Of(NameComparison.Prepare(name)))
        {
            if (_keyIds.TryGetValue(key, out var id) && _postings[id].Remove(entry) && _postings[id].Count == 0)
            {
                _keyIds.Remove(key);
                _postings[id] = null!;
                _freeKeys.Push(id);
            }
        }
        var entity = _entryEntity[entry];
        _names[entry] = null;
        _evidence[entry] = null;
        _liveEntries--;
        var entries = _entityEntries[entity]!;
        entries.Remove(entry);
        if (entries.Count == 0)
        {
            _entityIds.Remove(_entities[entity]!);
            _entities[entity] = null;
            _entityEntries[entity] = null;
            _freeEntities.Push(entity);
        }
    }

    /// <summary>Gives back the spare room of grown posting arrays (after a bulk load).</summary>
    public void TrimExcess()
    {
        _lock.EnterWriteLock();
        try
        {
            foreach (var id in _keyIds.Values)
            {
                _postings[id].Trim();
            }
            _names.TrimExcess();
            _entryEntity.TrimExcess();
            _evidence.TrimExcess();
            _entryKeys.TrimExcess();
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>
    /// Writes the live entries and the postings to a stream: entries renumbered densely in id order, keys in ordinal
    /// order, so that two indexes with the same entries write the same bytes (the add-then-remove property test).
    /// </summary>
    public void WriteSnapshot(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _lock.EnterReadLock();
        try
        {
            using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
            writer.Write(SnapshotMagic);
            writer.Write(SnapshotVersion);
            var renumbered = new int[_names.Count];
            writer.Write(_liveEntries);
            var next = 0;
            for (var entry = 0; entry < _names.Count; entry++)
            {
                if (_names[entry] is not { } name)
                {
                    renumbered[entry] = -1;
                    continue;
                }
                renumbered[entry] = next++;
                writer.Write(_entities[_entryEntity[entry]]!);
                writer.Write(name);
                var evidence = _evidence[entry];
                var flags = evidence is null ? 0
                    : (evidence.DateOfBirth is null ? 0 : 1) | (evidence.Nationality is null ? 0 : 2) | (evidence.Gender is null ? 0 : 4) | 8;
                writer.Write((byte)flags);
                if (evidence?.DateOfBirth is { } dob)
                {
                    writer.Write(dob.DayNumber);
                }
                if (evidence?.Nationality is { } nationality)
                {
                    writer.Write(nationality);
                }
                if (evidence?.Gender is { } gender)
                {
                    writer.Write(gender);
                }
            }
            var keys = _keyIds.Keys.ToArray();
            Array.Sort(keys, StringComparer.Ordinal);
            writer.Write(keys.Length);
            var buffer = new int[16];
            foreach (var key in keys)
            {
                var postings = _postings[_keyIds[key]];
                writer.Write(key);
                writer.Write(postings.Count);
                if (buffer.Length < postings.Count)
                {
                    buffer = new int[Math.Max(postings.Count, buffer.Length * 2)];
                }
                for (var i = 0; i < postings.Count; i++)
                {
                    buffer[i] = renumbered[postings.Items[i]];
                }
                // The ints as bytes, little-endian on every platform .NET runs on today (checked on reading).
                writer.Write(MemoryMarshal.AsBytes(buffer.AsSpan(0, postings.Count)));
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>Reads a snapshot written by <see cref="WriteSnapshot"/> without computing any key again.</summary>
    public static NameIndex ReadSnapshot(Stream stream, int candidates = DefaultCandidates)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            return ReadSnapshotUnchecked(stream, candidates);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Damaged name index snapshot: it ends too soon.", e);
        }
    }

    private static NameIndex ReadSnapshotUnchecked(Stream stream, int candidates)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("Name index snapshots are little-endian.");
        }
        if (reader.ReadUInt32() != SnapshotMagic || reader.ReadInt32() != SnapshotVersion)
        {
            throw new InvalidDataException("Not a name index snapshot of this version.");
        }
        var index = new NameIndex(candidates);
        var count = reader.ReadInt32();
        if (count < 0)
        {
            throw new InvalidDataException("Damaged name index snapshot: a negative entry count.");
        }
        index._names.Capacity = index._entryEntity.Capacity = index._evidence.Capacity = index._entryKeys.Capacity = count;
        for (var entry = 0; entry < count; entry++)
        {
            var entityId = reader.ReadString();
            var name = reader.ReadString();
            var flags = reader.ReadByte();
            NameEvidence? evidence = null;
            if ((flags & 8) != 0)
            {
                DateOnly? dob = (flags & 1) != 0 ? DateOnly.FromDayNumber(reader.ReadInt32()) : null;
                var nationality = (flags & 2) != 0 ? reader.ReadString() : null;
                var gender = (flags & 4) != 0 ? reader.ReadString() : null;
                evidence = new NameEvidence(dob, nationality, gender);
            }
            index.AddLocked(entityId, name, evidence, []);
        }
        var keyCount = reader.ReadInt32();
        if (keyCount < 0)
        {
            throw new InvalidDataException("Damaged name index snapshot: a negative key count.");
        }
        index._keyIds.EnsureCapacity(keyCount);
        index._postings.Capacity = keyCount;
        for (var k = 0; k < keyCount; k++)
        {
            var key = reader.ReadString();
            var n = reader.ReadInt32();
            if (n <= 0 || n > count)
            {
                throw new InvalidDataException($"Damaged name index snapshot: key {k} has {n} entries of {count}.");
            }
            var items = new int[n];
            var bytes = MemoryMarshal.AsBytes(items.AsSpan());
            while (bytes.Length > 0)
            {
                var read = reader.Read(bytes);
                if (read == 0)
                {
                    throw new InvalidDataException("Damaged name index snapshot: it ends inside a posting list.");
                }
                bytes = bytes[read..];
            }
            // Postings are sorted (ids grow with additions): the ends bound every id, so search never reads past the entries.
            if (items[0] < 0 || items[^1] >= count)
            {
                throw new InvalidDataException($"Damaged name index snapshot: key {k} points outside the entries.");
            }
            index._keyIds.Add(key, index._postings.Count);
            index.AddTokenKey(key);
            index._postings.Add(new Postings(items));
            var entryKeys = CollectionsMarshal.AsSpan(index._entryKeys);
            foreach (var entry in items)
            {
                if (entryKeys[entry] < byte.MaxValue)
                {
                    entryKeys[entry]++;
                }
            }
        }
        return index;
    }

    /// <summary>The entry ids of one key: an int array and a count, grown by doubling, trimmed after a bulk load.</summary>
    private sealed class Postings
    {
        public int[] Items { get; private set; }
        public int Count { get; private set; }

        public Postings() => Items = new int[2];

        public Postings(int[] items) => (Items, Count) = (items, items.Length);

        public void Add(int entry)
        {
            if (Count == Items.Length)
            {
                var grown = new int[Math.Max(4, Items.Length * 2)];
                Array.Copy(Items, grown, Count);
                Items = grown;
            }
            Items[Count++] = entry;
        }

        /// <summary>Removes one entry, keeping the order of the others (so a snapshot is the same as before it was added).</summary>
        public bool Remove(int entry)
        {
            var at = Array.IndexOf(Items, entry, 0, Count);
            if (at < 0)
            {
                return false;
            }
            Array.Copy(Items, at + 1, Items, at, Count - at - 1);
            Count--;
            return true;
        }

        public void Trim()
        {
            if (Items.Length > Count)
            {
                Items = Items[..Count];
            }
        }
    }

    /// <summary>Per-thread accumulator: one float per entry, cleared through the list of entries touched.</summary>
    private sealed class Scratch
    {
        public float[] Scores { get; private set; } = [];

        /// <summary>Per entry, which of the query's rarest keys it holds, one bit each.</summary>
        public uint[] Keys { get; private set; } = [];

        public List<int> Touched { get; } = [];

        public void Ensure(int entries)
        {
            if (Scores.Length < entries)
            {
                var size = Math.Max(entries, Scores.Length * 2);
                Scores = new float[size];
                Keys = new uint[size];
            }
        }
    }
}
