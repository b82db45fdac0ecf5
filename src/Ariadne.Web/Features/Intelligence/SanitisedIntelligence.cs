using System.Globalization;
using System.Text;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>A date of the source report, full or partial (a date of birth is often known only to the year or month).</summary>
public sealed record PartialDate(int Year, int? Month = null, int? Day = null)
{
    public override string ToString() => (Month, Day) switch
    {
        ({ } m, { } d) => $"{Year:D4}-{m:D2}-{d:D2}",
        ({ } m, null) => $"{Year:D4}-{m:D2}",
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}

/// <summary>
/// What of the source report must not appear in its sanitised version (V-06, V-14, issue 10 item 8): person names and aliases
/// in every script they were recorded in (each part counts: a surname alone identifies), other identifier values as entered
/// and normalised (phones, e-mails, handles, plates, document numbers, IBANs, addresses), dates (of birth and others), and
/// the free texts, which may not be copied verbatim.
/// </summary>
public sealed record SourceIdentifiers(
    IReadOnlyList<string> Names,
    IReadOnlyList<string> Values,
    IReadOnlyList<PartialDate>? Dates = null,
    IReadOnlyList<string>? FreeTexts = null);

public enum SanitisationFindingKind
{
    Name,
    Identifier,
    Date,
    CopiedText,
}

/// <summary>One thing of the source found in the sanitised text: the value as the source has it (dates as yyyy-MM-dd), or the copied words.</summary>
public sealed record SanitisationFinding(SanitisationFindingKind Kind, string Value);

/// <summary>
/// The sanitisation check: a pure function that finds every identifier value of the source report in a sanitised text, so
/// the approver cannot release one that still names someone. It errs towards finding too much — a false alarm costs the
/// approver a second look, a miss can cost a life — and it is a check, not the sanitisation: the approver still reads the
/// text. It compares case-, accent- and punctuation-insensitively ("ab12 cde" finds "AB-12-CDE"; "+44 7700 900123" finds
/// "07700 900123" by the last eight digits); it does not transliterate, so names are passed in every script recorded.
/// </summary>
public static class SanitisedIntelligence
{
    /// <summary>This many words in a row taken from a free text of the source count as copying it.</summary>
    public const int CopiedWords = 8;
    /// <summary>Identifiers with digits shorter than this are too common to look for inside other numbers ("12").</summary>
    private const int MinimumCompactLength = 4;
    /// <summary>A long number (phone, account) is found by its last digits, whatever the prefix it is written with.</summary>
    private const int TailDigits = 8;
    /// <summary>Name parts shorter than this ("de", "al") are not looked for on their own.</summary>
    private const int MinimumNamePart = 3;

    private static readonly string[] MonthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    public static IReadOnlyList<SanitisationFinding> Find(string? sanitisedText, SourceIdentifiers source)
    {
        var findings = new List<SanitisationFinding>();
        if (string.IsNullOrWhiteSpace(sanitisedText))
        {
            return findings;
        }
        var tokens = Tokens(sanitisedText);
        var compact = string.Concat(tokens);
        var runs = DigitRuns(sanitisedText);

        foreach (var name in source.Names.Where(n => !string.IsNullOrWhiteSpace(n)).Distinct(StringComparer.Ordinal))
        {
            var parts = Tokens(name);
            if (ContainsSequence(tokens, parts) || parts.Any(p => p.Length >= MinimumNamePart && tokens.Contains(p, StringComparer.Ordinal)))
            {
                findings.Add(new(SanitisationFindingKind.Name, name));
            }
        }
        foreach (var value in source.Values.Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal))
        {
            if (ContainsValue(value, tokens, compact, runs))
            {
                findings.Add(new(SanitisationFindingKind.Identifier, value));
            }
        }
        foreach (var date in (source.Dates ?? []).Distinct())
        {
            if (ContainsDate(date, tokens, runs))
            {
                findings.Add(new(SanitisationFindingKind.Date, date.ToString()));
            }
        }
        foreach (var passage in CopiedPassages(tokens, source.FreeTexts ?? []))
        {
            findings.Add(new(SanitisationFindingKind.CopiedText, passage));
        }
        return findings;
    }

    private static bool ContainsValue(string value, List<string> tokens, string compact, List<string> runs)
    {
        var parts = Tokens(value);
        if (parts.Count == 0)
        {
            return false;
        }
        var joined = string.Concat(parts);
        if (ContainsSequence(tokens, parts))
        {
            return true;
        }
        if (joined.Any(char.IsDigit))
        {
            if (joined.Length >= MinimumCompactLength && compact.Contains(joined, StringComparison.Ordinal))
            {
                return true;
            }
            // A number written with another prefix (+44 / 0044 / 0): its last digits, if it is all digits and long enough.
            var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
            return digits.Length > TailDigits && digits.Length == joined.Count(char.IsAsciiDigit) && joined.All(char.IsAsciiDigit)
                   && runs.Any(r => r.Contains(digits[^TailDigits..], StringComparison.Ordinal));
        }
        // Several words run together ("ivanpetrov" for the handle "ivan_petrov").
        return parts.Count > 1 && joined.Length >= MinimumCompactLength && compact.Contains(joined, StringComparison.Ordinal);
    }

    private static bool ContainsDate(PartialDate date, List<string> tokens, List<string> runs)
    {
        var y = date.Year.ToString("D4", CultureInfo.InvariantCulture);
        if (date.Month is not { } m || m is < 1 or > 12)
        {
            return tokens.Contains(y, StringComparer.Ordinal);
        }
        var mm = m.ToString("D2", CultureInfo.InvariantCulture);
        var mShort = m.ToString(CultureInfo.InvariantCulture);
        var month = MonthNames[m - 1];
        var monthNames = new[] { month, month[..3] };
        if (date.Day is not { } d)
        {
            return monthNames.Any(n => ContainsSequence(tokens, [n, y]))
                   || runs.Any(r => r.Contains(mm + y, StringComparison.Ordinal) || r.Contains(y + mm, StringComparison.Ordinal));
        }
        var dd = d.ToString("D2", CultureInfo.InvariantCulture);
        var dShort = d.ToString(CultureInfo.InvariantCulture);
        var yy = y[^2..];
        string[] numeric = [y + mm + dd, dd + mm + y, mm + dd + y, dShort + mShort + y, mShort + dShort + y, dd + mm + yy, yy + mm + dd];
        if (runs.Any(r => numeric.Any(n => r.Contains(n, StringComparison.Ordinal))))
        {
            return true;
        }
        string[] days = [dShort, dd, dShort + Ordinal(d)];
        return monthNames.Any(n => days.Any(day => ContainsSequence(tokens, [day, n, y]) || ContainsSequence(tokens, [n, day, y])));
    }

    private static string Ordinal(int day) => (day % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (day % 10) switch
        {
            1 => "st",
            2 => "nd",
            3 => "rd",
            _ => "th",
        },
    };

    /// <summary>Every maximal run of at least <see cref="CopiedWords"/> words of the text that also stands in a row in a free text.</summary>
    private static IEnumerable<string> CopiedPassages(List<string> tokens, IReadOnlyList<string> freeTexts)
    {
        var shingles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in freeTexts.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var words = Tokens(text);
            for (var i = 0; i + CopiedWords <= words.Count; i++)
            {
                shingles.Add(string.Join(' ', words.Skip(i).Take(CopiedWords)));
            }
        }
        var copied = new bool[tokens.Count];
        for (var i = 0; i + CopiedWords <= tokens.Count; i++)
        {
            if (shingles.Contains(string.Join(' ', tokens.Skip(i).Take(CopiedWords))))
            {
                for (var k = i; k < i + CopiedWords; k++)
                {
                    copied[k] = true;
                }
            }
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!copied[i])
            {
                continue;
            }
            var start = i;
            while (i < tokens.Count && copied[i])
            {
                i++;
            }
            yield return string.Join(' ', tokens.Skip(start).Take(i - start));
        }
    }

    private static bool ContainsSequence(List<string> haystack, List<string> needle)
    {
        if (needle.Count == 0)
        {
            return false;
        }
        for (var i = 0; i + needle.Count <= haystack.Count; i++)
        {
            var all = true;
            for (var k = 0; k < needle.Count && all; k++)
            {
                all = string.Equals(haystack[i + k], needle[k], StringComparison.Ordinal);
            }
            if (all)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The words of a text: runs of letters and digits, lower case, without accents ("Müller" and "muller" are one).</summary>
    private static List<string> Tokens(string text)
    {
        var folded = Fold(text);
        var tokens = new List<string>();
        var current = new StringBuilder();
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }
        return tokens;
    }

    /// <summary>Digits written as one number with separators between them ("+44 (0)7700-900.123" is one run).</summary>
    private static List<string> DigitRuns(string text)
    {
        var runs = new List<string>();
        var current = new StringBuilder();
        var separated = false;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                current.Append(c);
                separated = false;
            }
            else if (current.Length == 0 || c is '(' or ')')
            {
                // Nothing to end yet; brackets ("(0)" in a phone number) never end a number.
            }
            else if (!separated && c is ' ' or '-' or '.' or '/' or '+' or '\u00A0')
            {
                // One separator between groups of digits keeps the number together.
                separated = true;
            }
            else
            {
                runs.Add(current.ToString());
                current.Clear();
                separated = false;
            }
        }
        if (current.Length > 0)
        {
            runs.Add(current.ToString());
        }
        return runs;
    }

    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                result.Append(c switch
                {
                    'ß' => "ss",
                    'ø' or 'Ø' => "o",
                    'ł' or 'Ł' => "l",
                    'đ' or 'Đ' => "d",
                    'æ' or 'Æ' => "ae",
                    'œ' or 'Œ' => "oe",
                    'ı' => "i",
                    _ => char.ToLowerInvariant(c).ToString(),
                });
            }
        }
        return result.ToString().Normalize(NormalizationForm.FormC);
    }
}
