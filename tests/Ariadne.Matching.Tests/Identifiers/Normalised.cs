using Ariadne.Matching.Identifiers;

namespace Ariadne.Matching.Tests.Identifiers;

/// <summary>Assertion helpers: what a table row expects of a result.</summary>
internal static class Normalised
{
    public static NormalisedIdentifier Key(NormalisationResult result, string expectedKey)
    {
        var identifier = Assert.IsType<NormalisedIdentifier>(result);
        Assert.Equal(expectedKey, identifier.Key);
        return identifier;
    }

    public static NormalisationFailure Failure(NormalisationResult result, string reasonContains)
    {
        var failure = Assert.IsType<NormalisationFailure>(result);
        Assert.Contains(reasonContains, failure.Reason, StringComparison.OrdinalIgnoreCase);
        return failure;
    }
}
