namespace Ariadne.Web.Features.Screenings;

/// <summary>The words the pages use for screening states, in one place.</summary>
public static class ScreeningText
{
    public static string Status(ScreeningStatus status) => status switch
    {
        ScreeningStatus.Draft => "Draft (saved automatically)",
        ScreeningStatus.Completed => "Guidance ready, not referred",
        ScreeningStatus.ReferralDeclined => "Person declined referral (counted anonymously)",
        ScreeningStatus.Referred => "Referred",
    };
}
