using System.Security.Claims;
using Ariadne.Web.Security;

namespace Ariadne.Web.Features.Statistics;

/// <summary>The parts of the statistics, each shown only to the roles its row of <see cref="StatisticsPermissions"/> names.</summary>
public enum StatisticsSection
{
    Screenings,
    Referrals,
    Cases,
    Services,
    Children,
    /// <summary>Sanitised thematic intelligence only (V-06): released versions, never reports.</summary>
    Thematic,
}

/// <summary>
/// Who may open which statistics (ADR 0018), in one table. The national coordinator runs the referral mechanism and
/// reports to the national rapporteur (ACT-21, §3.5.1), so sees every section; the analysts and dissemination
/// supervisors work on strategic intelligence (STR-V1..V4) and see the thematic section only. Frontline and case roles
/// have their own lists; organisation-level figures would be small numbers of people they know, so they get none.
/// Administrators run the system, not the mechanism. Unsuppressed figures are for the coordinator alone, for quality
/// control, and every such view is audited.
/// </summary>
public static class StatisticsPermissions
{
    private static readonly Dictionary<string, StatisticsSection[]> s_sections = new(StringComparer.Ordinal)
    {
        [Roles.Coordinator] = Enum.GetValues<StatisticsSection>(),
        [Roles.IntelligenceAnalyst] = [StatisticsSection.Thematic],
        [Roles.DisseminationSupervisor] = [StatisticsSection.Thematic],
    };

    /// <summary>Roles that may open statistics at all: the endpoint policy.</summary>
    public static string[] ReaderRoles { get; } = [.. s_sections.Keys];

    public static bool MayRead(string role, StatisticsSection section) =>
        s_sections.TryGetValue(role, out var sections) && sections.Contains(section);

    public static bool MayRead(ClaimsPrincipal user, StatisticsSection section) =>
        s_sections.Keys.Any(role => user.IsInRole(role) && MayRead(role, section));

    public static IReadOnlyList<StatisticsSection> Sections(ClaimsPrincipal user) =>
        [.. Enum.GetValues<StatisticsSection>().Where(s => MayRead(user, s))];

    /// <summary>Unsuppressed figures, for quality control: the national coordinator only (audited by the caller).</summary>
    public static bool MaySeeUnsuppressed(string role) => role == Roles.Coordinator;

    public static bool MaySeeUnsuppressed(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator);
}
