using System.Net;
using Ariadne.Tests.Infrastructure;

namespace Ariadne.Tests.Checks;

/// <summary>
/// Deconfliction on the report page (issue 12 item 2, TAC-V3): the originating organisation sees the checks that hit its report
/// (by whom, from where, why, shown or referred); nobody else sees that section, not even a reader of the report.
/// </summary>
public sealed class ChecksOnReportPageTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_originator_sees_on_the_report_page_who_checked_it_and_why_and_nobody_else_does(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var (world, phone, shown, hidden) = await CheckWorld.ShownAndHiddenAsync(app);
        using var owned = world;
        const string purpose = "Deconfliction before the harbour visit";
        var (status, _, raw) = await CheckWorld.CheckAsync(world.OtherForce.Client, CheckWorld.Phone(phone.Local, purpose: purpose));
        Assert.True(status == HttpStatusCode.OK, raw);

        using var originator = await app.SignInToPagesAsync(world.SameForce.User);
        var page = await originator.GetStringAsync($"/Intelligence/View?id={hidden.Id}");
        var section = page[page.IndexOf("id=\"checks-on-report\"", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("</section>", StringComparison.Ordinal)];
        Assert.Contains(purpose, section, StringComparison.Ordinal);
        Assert.Contains(world.OtherForce.Organisation.Name, section, StringComparison.Ordinal);
        Assert.Contains("referred to us", section, StringComparison.Ordinal);

        // The asker reads the visible report, but the checks on it are its originator's business.
        using var asker = await app.SignInToPagesAsync(world.OtherForce.User);
        var read = await asker.GetStringAsync($"/Intelligence/View?id={shown.Id}");
        Assert.Contains(shown.Reference, read, StringComparison.Ordinal);
        Assert.DoesNotContain("checks-on-report", read, StringComparison.Ordinal);
        Assert.DoesNotContain(purpose, read, StringComparison.Ordinal);
    }
}
