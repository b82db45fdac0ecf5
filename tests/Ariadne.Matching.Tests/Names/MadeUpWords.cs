namespace Ariadne.Matching.Tests.Names;

/// <summary>
/// Made-up words for the crowds of index tests (forty holders of "Santos", a hundred Benjamins): built from syllables
/// that share no key with the names under test, so that only the crowd's shared name meets the query.
/// </summary>
internal static class MadeUpWords
{
    private static readonly string[] s_syllables = ["lo", "mi", "re", "su", "vo", "di", "ze", "bu", "pe", "ti"];

    /// <summary>The <paramref name="i"/>-th word of three syllables; distinct for i below 1,000.</summary>
    public static string Word(int i) => s_syllables[i % 10] + s_syllables[i / 10 % 10] + s_syllables[i / 100 % 10];
}
