namespace Ariadne.Matching.Names;

/// <summary>
/// East Slavic patronymics (Vladimirovich, Avgazarovich, Fedorovych, Petrovna, Ilyinichna), read from a name's Latin
/// reading. Officials and lists write "Vladimir Vladimirovich Putin", passports and the press "Vladimir Putin": a
/// patronymic one form has and the other lacks is less evidence against a match than a missing given or family name,
/// so <see cref="NameComparison"/> weighs it half, as it weighs an Arabic article one side reads off (ADR 0012).
/// </summary>
internal static class Patronymic
{
    // -vich/-vych (son), -vna/-ichna (daughter). Not -ich alone: Heinrich, Ulrich and Dietrich are given names. Not the South
    // Slavic -vić (Petrović), a family name.
    private static readonly string[] s_endings = ["ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna"];

    /// <summary>
    /// Whether <paramref name="token"/> of a name of <paramref name="tokens"/> tokens reads as a patronymic. Only in a name
    /// of three or more tokens, where a given and a family name are there besides: in "Roman Abramovich" the -vich word is
    /// the family name.
    /// </summary>
    internal static bool Is(string token, int tokens)
    {
        if (tokens < 3 || token.Length < 7)
        {
            return false;
        }
        foreach (var ending in s_endings)
        {
            if (token.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>How many of <paramref name="tokens"/> read as patronymics.</summary>
    internal static int Count(string[] tokens)
    {
        var n = 0;
        foreach (var token in tokens)
        {
            if (Is(token, tokens.Length))
            {
                n++;
            }
        }
        return n;
    }
}
