using System.Security.Claims;
using Ariadne.Web.Features.Intelligence;
using Ariadne.Web.Security;

namespace Ariadne.Web.Features.Checks;

/// <summary>How far a check reaches (CHK-01: local, national, international).</summary>
public enum CheckScope
{
    /// <summary>The asker's own agency or force only.</summary>
    Local,
    /// <summary>Every organisation whose material the asker may see under its handling code, and referrals to the others.</summary>
    BeyondAgency,
}

/// <summary>
/// The rules of §5.6 that do not need a database: who may check, how far, when the originator must approve, what the warning
/// says. Who may see a hit is not decided here: that is the dissemination policy's (<see cref="IntelligenceAccess"/>).
/// </summary>
public static class CheckRules
{
    public const int MaxPurpose = 1000;
    public const int MaxIdentifiers = 20;
    public const int MaxNames = 5;
    /// <summary>Visible hits returned per check; more are counted as "and N more" (visible ones only).</summary>
    public const int MaxHits = 100;

    /// <summary>How the pages name a scope: the form's choices and the answer read from this one table.</summary>
    public static string Label(CheckScope scope) => scope switch
    {
        CheckScope.Local => "My agency only",
        CheckScope.BeyondAgency => "Beyond my agency",
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, null),
    };

    /// <summary>How the pages name a check's status (the API keeps the enum names).</summary>
    public static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Answered => "Answered",
        CheckStatus.AwaitingApproval => "Answered within your agency; awaiting the originator's approval to go beyond it",
        CheckStatus.Approved => "Approved by the originator and answered in full",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>
    /// The label of an API answer's scope or status, given as the enum's name (<see cref="CheckResponse"/>); the name itself
    /// if it is neither.
    /// </summary>
    public static string Label(string name) =>
        Enum.TryParse<CheckScope>(name, out var scope) && Enum.IsDefined(scope) ? Label(scope)
        : Enum.TryParse<CheckStatus>(name, out var status) && Enum.IsDefined(status) ? Label(status)
        : name;

    /// <summary>CHK-02/03, shown before a check goes beyond the asker's own agency and acknowledged in the request.</summary>
    public const string Warning =
        "Intelligence checks are a form of intelligence dissemination (CHK-02). A search does not show that you are investigating " +
        "the subject, but it does show the originators that the name or number has come to notice, which can compromise an " +
        "investigation before it starts (CHK-03, CHK-04). The originators of the material you hit will see who checked and why.";

    /// <summary>The roles that may check unless configuration ("Checks:Roles") says otherwise.</summary>
    public static readonly string[] DefaultRoles =
    [
        Roles.FrontlineOfficer, Roles.BorderGuard, Roles.LabourInspector, Roles.Investigator, Roles.IntelligenceAnalyst,
        Roles.DisseminationSupervisor, Roles.FinancialInvestigator,
    ];

    private static readonly string[] LocalOnly = [Roles.FrontlineOfficer, Roles.BorderGuard, Roles.LabourInspector];

    /// <summary>Whether the user may check at all: a configured role, and a role that reads intelligence.</summary>
    public static bool MayCheck(IEnumerable<string> roles, IReadOnlySet<string> configured, IntelligenceReach reach) =>
        reach != IntelligenceReach.None && roles.Any(configured.Contains);

    /// <summary>
    /// Whether this user may check, with the roles configured on this host: the one question the API, the pages and the
    /// menu ask, so that nobody is shown a "Checks" link the service would refuse, nor refused one it would allow.
    /// </summary>
    public static bool MayCheck(ClaimsPrincipal user, CheckSettings settings) =>
        MayCheck(Roles.All.Where(user.IsInRole), settings.CheckRoles, IntelligencePermissions.ReachOf(user));

    /// <summary>Frontline roles check locally only; the others as far as the handling codes of the material reach.</summary>
    public static CheckScope WidestScope(IEnumerable<string> roles, IntelligenceReach reach) =>
        reach is IntelligenceReach.ReadWithinHandling or IntelligenceReach.ReadWriteWithinHandling && !roles.All(LocalOnly.Contains)
            ? CheckScope.BeyondAgency
            : CheckScope.Local;

    /// <summary>
    /// §5.6 derived rule: a check prompted by material coded "only within originating agency/force" or "no further dissemination"
    /// goes outside the originating agency only on the originator's approval. A check with no prompting report (made for a case)
    /// inherits no code.
    /// </summary>
    public static bool NeedsOriginatorApproval(Grading? prompting) =>
        prompting is { System: GradingSystem.FiveByFiveByFive, Handling5: FiveFiveFiveHandling.OnlyWithinOriginatingAgency
            or FiveFiveFiveHandling.NoFurtherDisseminationReferToOriginator };

    /// <summary>How far the check is answered now: the asked scope, narrowed to local while the originator's approval is awaited.</summary>
    public static CheckScope Effective(CheckScope asked, CheckStatus status) =>
        status == CheckStatus.AwaitingApproval ? CheckScope.Local : asked;

    /// <summary>Flags for the supervisor's review: a check without a linked case, a check outside working hours (UTC hours).</summary>
    public static IReadOnlyList<string> Flags(string? caseReference, DateTime askedAtUtc, int startHour, int endHour)
    {
        var flags = new List<string>();
        if (string.IsNullOrWhiteSpace(caseReference))
        {
            flags.Add("no linked case");
        }
        var hour = askedAtUtc.Hour;
        var inHours = startHour <= endHour ? hour >= startHour && hour < endHour : hour >= startHour || hour < endHour;
        if (!inHours || askedAtUtc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            flags.Add("outside working hours");
        }
        return flags;
    }
}
