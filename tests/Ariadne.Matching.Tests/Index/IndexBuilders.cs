using Ariadne.Matching.Identifiers;
using Ariadne.Matching.Index;

namespace Ariadne.Matching.Tests.Index;

/// <summary>Test data in the domain's words: reports holding phones, plates and documents.</summary>
internal static class IndexBuilders
{
    /// <summary>A readable, stable report id: Report(7) prints as 00000007-….</summary>
    public static Guid Report(int number) => new(number, 0, 0, new byte[8]);

    public static IdentifierValue Phone(string e164) => new(IdentifierKind.Phone, e164);
    public static IdentifierValue Plate(string key) => new(IdentifierKind.VehiclePlate, key);
    public static IdentifierValue Passport(string key) => new(IdentifierKind.TravelDocument, key);
    public static IdentifierValue Iban(string key) => new(IdentifierKind.Iban, key);
    public static IdentifierValue Email(string key) => new(IdentifierKind.Email, key);

    public static byte[] SnapshotBytes(IdentifierIndex index)
    {
        using var stream = new MemoryStream();
        IdentifierSnapshot.Write(index, stream);
        return stream.ToArray();
    }

    public static IdentifierIndex Reload(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return IdentifierSnapshot.Read(stream) switch
        {
            SnapshotLoaded loaded => loaded.Index,
            SnapshotRefused refused => throw new InvalidOperationException("Refused: " + refused.Reason),
            _ => throw new InvalidOperationException("Unknown result."),
        };
    }
}
