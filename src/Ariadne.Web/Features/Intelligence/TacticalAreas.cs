namespace Ariadne.Web.Features.Intelligence;

/// <summary>One key tactical area (§5.4 TAC-A01..A10) with the question a frontline officer is prompted with (§5.7).</summary>
public sealed record TacticalArea(string Code, string Name, string Prompt);

/// <summary>
/// The key tactical areas of trafficker modus operandi (TAC-A01..A10). §5.7 asks that the frontline report form offer them as
/// structured prompts: an officer who saw something does not know which detail will matter, and the prompt reminds them to ask.
/// </summary>
public static class TacticalAreas
{
    public static IReadOnlyList<TacticalArea> All { get; } =
    [
        new("TAC-A01", "Recruitment methods", "How was the person recruited: a promise of work, deception, pressure, abduction?"),
        new("TAC-A02", "Advertising media", "Where was the job or the person advertised: word of mouth, a newspaper, a website, social media?"),
        new("TAC-A03", "Forged identity documents", "Were documents forged or borrowed? Who made or supplied them?"),
        new("TAC-A04", "False visa entitlements", "Was a visa obtained on a false basis? Through whom?"),
        new("TAC-A05", "Travel documents", "Who bought the tickets, how were they paid for, where is the agent?"),
        new("TAC-A06", "Travel routes and means", "Which route, which vehicles or carriers, which border crossings?"),
        new("TAC-A07", "\"Safe house\" accommodation", "Where are people kept or housed, and who provides it?"),
        new("TAC-A08", "Means of exploitation", "Where does the exploitation happen: a brothel, a farm, a workshop, the street?"),
        new("TAC-A09", "Means of communication", "Which phones, apps, messaging handles or e-mail addresses are used?"),
        new("TAC-A10", "Financial intelligence", "How does money move: transfers, cards, cash couriers, accounts in whose name?"),
    ];

    public static string Name(string code) => All.FirstOrDefault(a => a.Code == code)?.Name ?? code;
}
