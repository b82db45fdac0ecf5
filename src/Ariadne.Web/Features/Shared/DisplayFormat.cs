using System.Globalization;

namespace Ariadne.Web.Features.Shared;

/// <summary>
/// How every page writes a date and a time, so a case page, a queue and the audit trail read alike ("3 Dec 2026",
/// "3 Dec 2026 14:05"). The month is spelt out because officers in several countries read these pages and
/// 03/12 means two different days to them. Machine-readable values (API JSON, datetime attributes, form inputs)
/// stay ISO 8601.
/// </summary>
public static class DisplayFormat
{
    private const string DatePattern = "d MMM yyyy";
    private const string DateTimePattern = "d MMM yyyy HH:mm";

    public static string Date(DateOnly? date) => date?.ToString(DatePattern, CultureInfo.InvariantCulture) ?? "—";

    /// <summary>A date with its weekday, where the day of the week matters (public holidays).</summary>
    public static string DayAndDate(DateOnly date) => date.ToString("ddd " + DatePattern, CultureInfo.InvariantCulture);

    /// <summary>A local (already converted) date and time; with seconds where the order of close events matters.</summary>
    public static string DateTime(System.DateTime local, bool seconds = false) =>
        local.ToString(seconds ? DateTimePattern + ":ss" : DateTimePattern, CultureInfo.InvariantCulture);
}
