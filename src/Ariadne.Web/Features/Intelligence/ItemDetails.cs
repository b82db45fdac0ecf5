using System.Text.Json;

namespace Ariadne.Web.Features.Intelligence;

/// <summary>An item's structured details (a vehicle's make and colour, a person's names) as a reader says them, not as JSON.</summary>
public static class ItemDetails
{
    public static string Describe(JsonElement? details) => details is { } d ? Describe(d) : "";

    private static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => string.Join("; ", e.EnumerateObject()
            .Where(p => p.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
            .Select(p => $"{p.Name}: {Describe(p.Value)}")),
        JsonValueKind.Array => string.Join(", ", e.EnumerateArray().Select(Describe)),
        JsonValueKind.String => e.GetString() ?? "",
        JsonValueKind.Null or JsonValueKind.Undefined => "",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
    };
}
