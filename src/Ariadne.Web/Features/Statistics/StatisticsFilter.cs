namespace Ariadne.Web.Features.Statistics;

/// <summary>The period and region asked for, as typed (UTC calendar days, both ends included).</summary>
public sealed record StatisticsFilter(DateOnly? From = null, DateOnly? To = null, string? Region = null)
{
    /// <summary>Longest period one request covers: a bound on the trend's months, and on the work one request asks.</summary>
    public const int MaximumYears = 50;

    /// <summary>A readable problem with the filter, or null when it can be used.</summary>
    public string? Problem()
    {
        if (From is { } from && To is { } to && from > to)
        {
            return $"The period starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).";
        }
        if (From is { } f && To is { } t && t.Year - f.Year > MaximumYears)
        {
            return $"The period can cover at most {MaximumYears} years.";
        }
        if (From is { Year: < 1900 } || To is { Year: > 9000 })
        {
            return "The period must lie between the years 1900 and 9000.";
        }
        if (Region is { Length: > 200 })
        {
            return "The region name is too long.";
        }
        return null;
    }

    /// <summary>
    /// The range [From, To + 1 day) in UTC calendar days. Months in the trends are UTC months, grouped in SQL; periods use the
    /// same days so a period's total equals the sum of its months (a local-time period would not, by the hours of the offset).
    /// </summary>
    public ResolvedPeriod Resolve() => new(
        From is { } from ? from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        To is { } to ? to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : new DateTime(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        From?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? "0000-00",
        To?.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) ?? "9999-99",
        string.IsNullOrWhiteSpace(Region) ? null : Region.Trim());

    public string Describe() =>
        $"{From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "start"} to "
        + $"{To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}"
        + (string.IsNullOrWhiteSpace(Region) ? "" : $", region {Region.Trim()}");
}

/// <summary>UTC bounds [FromUtc, ToUtc), month bounds for month-only records, and the region or null for all.</summary>
public sealed record ResolvedPeriod(DateTime FromUtc, DateTime ToUtc, string FromMonth, string ToMonth, string? Region);
