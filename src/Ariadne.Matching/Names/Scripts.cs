using System.Text;

namespace Ariadne.Matching.Names;

/// <summary>Writing systems the engine tells apart (issue #11 item 3: names in Cyrillic, Greek, Arabic, Hebrew, Devanagari, Han, Hangul, Kana and Latin).</summary>
public enum Script
{
    None,
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Devanagari,
    Han,
    Hangul,
    Kana,
    Other,
}

/// <summary>Which script a name form is written in, from the Unicode blocks of its letters.</summary>
public static class Scripts
{
    /// <summary>The script most of the letters belong to; <see cref="Script.None"/> when there is no letter.</summary>
    public static Script Of(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Script.None;
        }
        Span<int> counts = stackalloc int[(int)Script.Other + 1];
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsLetter(rune))
            {
                counts[(int)OfLetter(rune.Value)]++;
            }
        }
        var best = Script.None;
        for (var i = 1; i < counts.Length; i++)
        {
            if (counts[i] > counts[(int)best])
            {
                best = (Script)i;
            }
        }
        return best;
    }

    /// <summary>Unicode block ranges (Unicode 15 Blocks.txt) of the scripts that names in reports are written in.</summary>
    internal static Script OfLetter(int c) => c switch
    {
        <= 0x024F or (>= 0x1E00 and <= 0x1EFF) or (>= 0xFF21 and <= 0xFF5A) => Script.Latin,
        (>= 0x0370 and <= 0x03FF) or (>= 0x1F00 and <= 0x1FFF) => Script.Greek,
        (>= 0x0400 and <= 0x052F) or (>= 0x1C80 and <= 0x1C8F) or (>= 0x2DE0 and <= 0x2DFF) or (>= 0xA640 and <= 0xA69F) => Script.Cyrillic,
        >= 0x0590 and <= 0x05FF or (>= 0xFB1D and <= 0xFB4F) => Script.Hebrew,
        (>= 0x0600 and <= 0x06FF) or (>= 0x0750 and <= 0x077F) or (>= 0x08A0 and <= 0x08FF) or (>= 0xFB50 and <= 0xFDFF)
            or (>= 0xFE70 and <= 0xFEFF) => Script.Arabic,
        >= 0x0900 and <= 0x097F => Script.Devanagari,
        (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F) or (>= 0xAC00 and <= 0xD7AF) => Script.Hangul,
        (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0xFF66 and <= 0xFF9F) => Script.Kana,
        (>= 0x4E00 and <= 0x9FFF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x20000 and <= 0x2FA1F) or (>= 0xF900 and <= 0xFAFF) => Script.Han,
        _ => Script.Other,
    };
}
