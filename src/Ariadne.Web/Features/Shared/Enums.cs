namespace Ariadne.Web.Features.Shared;

public static class Enums
{
    /// <summary>
    /// The declared member of <typeparamref name="T"/> with this name, or null. <see cref="Enum.TryParse{TEnum}(string?, out TEnum)"/>
    /// alone also accepts any number ("7"), which would let an undeclared value through input checks.
    /// </summary>
    public static T? Named<T>(string? value, bool ignoreCase = false) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
}
