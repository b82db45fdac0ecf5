using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Ariadne.Matching.Identifiers;

/// <summary>Addresses as a set of tokens (KD-04 addresses).</summary>
/// <remarks>
/// An address has no single canonical form an officer would type, so the key is the sorted set of its tokens:
/// <c>Str. Mihai Eminescu nr. 15</c> and <c>15 Strada Mihai Eminescu</c> share the key
/// <c>15 eminescu mihai street</c>. Letters are lower-cased with diacritics folded (ș/ş → s, ä → a, ß → ss),
/// so both the comma-below and cedilla forms of Romanian letters meet. Common abbreviations in the languages of
/// the region map to one word per concept (str./strada/ul./ulica/ул. → street; bd./bdul./бул. → boulevard) so
/// that an abbreviated and a full address meet; "nr."/"no."/"№" carry no information and go. A house number and
/// its letter are split (15A → 15 a). Addresses in Cyrillic are not transliterated here: that belongs to the
/// name engine (issue #11 item 3), and matching on token sets is a similarity, not an identity, decided by the
/// matching layer.
/// </remarks>
public static class AddressNormaliser
{
    /// <summary>One word per concept; every canonical word maps to itself so that a key read again is unchanged.</summary>
    internal static readonly FrozenDictionary<string, string> Abbreviations = BuildAbbreviations();

    /// <summary>Words that only announce a number.</summary>
    private static readonly FrozenSet<string> s_dropped = new[] { "nr", "no", "numar", "numarul", "номер" }
        .ToFrozenSet(StringComparer.Ordinal);

    public static NormalisationResult Normalise(string? input)
    {
        var entered = Text.Entered(input);
        if (Text.TooLong(entered) is { } tooLong)
        {
            return new NormalisationFailure(IdentifierKind.Address, entered, "The address " + tooLong + ".");
        }
        var tokens = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in Tokens(Fold(entered)))
        {
            var token = Abbreviations.TryGetValue(raw, out var canonical) ? canonical : raw;
            // German writes the street word inside the name: "Hauptstr." is "Hauptstrasse".
            if (token.Length > 4 && token.EndsWith("str", StringComparison.Ordinal) && char.IsAsciiLetter(token[0]))
            {
                token += "asse";
            }
            if (!s_dropped.Contains(token))
            {
                tokens.Add(token);
            }
        }
        if (tokens.Count == 0)
        {
            return new NormalisationFailure(IdentifierKind.Address, entered, "The address contains no letter or digit.");
        }
        return new NormalisedIdentifier(IdentifierKind.Address, entered, string.Join(' ', tokens), null);
    }

    /// <summary>Lower-case, diacritics removed, letters that do not decompose spelled out.</summary>
    internal static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD).ToLowerInvariant();
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            sb.Append(c switch
            {
                'ß' => "ss",
                'ł' => "l",
                'đ' => "d",
                'ø' => "o",
                'æ' => "ae",
                'œ' => "oe",
                'ı' => "i",
                'þ' => "th",
                _ => c.ToString(),
            });
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Runs of letters or of digits; everything else separates. "15a" gives "15" and "a".</summary>
    private static IEnumerable<string> Tokens(string text)
    {
        var sb = new StringBuilder();
        var digits = false;
        foreach (var c in text)
        {
            var isDigit = char.IsDigit(c);
            var isLetter = char.IsLetter(c);
            if ((!isDigit && !isLetter) || (sb.Length > 0 && isDigit != digits))
            {
                if (sb.Length > 0)
                {
                    yield return sb.ToString();
                    sb.Clear();
                }
            }
            if (isDigit)
            {
                // Arabic-Indic and other decimal digits as ASCII, so house numbers meet whatever script wrote them.
                sb.Append((char)('0' + Math.Max(0, CharUnicodeInfo.GetDecimalDigitValue(c))));
                digits = true;
            }
            else if (isLetter)
            {
                sb.Append(c);
                digits = false;
            }
        }
        if (sb.Length > 0)
        {
            yield return sb.ToString();
        }
    }

    private static FrozenDictionary<string, string> BuildAbbreviations()
    {
        // Single letters are left out on purpose: "15 c" is a house number's letter, not "calle".
        // Folded forms (no diacritics): the lookup happens after folding. Romanian, Bulgarian, Ukrainian, Russian,
        // Polish, Czech/Slovak, Hungarian, Serbian/Croatian, German, Italian, Spanish, French and English.
        var concepts = new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            ["street"] = ["str", "strada", "ul", "ulica", "ulice", "ulitsa", "ulitza", "ул", "улица", "вул", "вулиця",
                "utca", "calle", "via", "rue", "st", "street", "strasse"],
            ["boulevard"] = ["bd", "bdul", "blvd", "bld", "bul", "bulevard", "bulevardul", "bulevar", "boulevard", "бул",
                "булевард", "бульв", "бульвар"],
            ["avenue"] = ["av", "ave", "avenue", "avenida", "aleja", "al", "aleea", "алея"],
            ["road"] = ["sos", "soseaua", "sosea", "rd", "road", "cesta", "шосе"],
            ["square"] = ["pta", "piata", "pl", "plac", "platz", "placa", "piazza", "plaza", "sq", "square", "пл", "площад",
                "площа", "площадь", "namesti", "nam", "ter", "square"],
            ["block"] = ["bl", "bloc", "blok", "block", "бл", "блок"],
            ["entrance"] = ["sc", "scara", "vh", "вх", "вход", "entrance"],
            ["floor"] = ["et", "etaj", "ет", "етаж", "поверх", "floor", "fl"],
            ["apartment"] = ["ap", "apt", "apartament", "апартамент", "ап", "кв", "квартира", "apartment", "flat", "lok", "lokal"],
            ["district"] = ["jk", "zhk", "жк", "sector", "sect", "sectorul", "district", "рн", "район", "kvartal"],
        };
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (canonical, forms) in concepts)
        {
            map[canonical] = canonical;
            foreach (var form in forms)
            {
                map.TryAdd(form, canonical);
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
