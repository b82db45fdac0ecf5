namespace Ariadne.Tests.Infrastructure;

/// <summary>
/// That an answer does not carry a count of what the asker may not see: the number standing on its own (a JSON value, a word
/// in a sentence), not the same digits inside an id or a random organisation name, which would fail a test now and then.
/// </summary>
public static class CountAssert
{
    public static void NotIn(string raw, int count) =>
        Assert.DoesNotMatch($"(?<![0-9A-Za-z]){count}(?![0-9A-Za-z])", raw);
}
