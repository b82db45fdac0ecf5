using System.Net;
using Ariadne.Tests.Infrastructure;
using Ariadne.Tests.Intelligence;
using Ariadne.Web.Features.Intelligence;

namespace Ariadne.Tests.Checks;

/// <summary>
/// Issue 12: access before any limit, for names too. The name index scores a bounded set of candidates (100); reports the
/// asker may not see must not take those places (ADR 0016).
/// </summary>
public sealed class NameCrowdingTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Namesakes_the_asker_may_not_see_never_crowd_out_the_one_they_may(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        await CheckWorld.WaitReadyAsync(app);
        using var world = await IntelligenceWorld.CreateAsync(app);
        const string name = "Ivan Petrov";
        await CheckWorld.PlantHiddenAsync(app, world.SameForce, 250, report => new IntelligenceItem
        {
            ReportId = report, Kind = IntelligenceItemKind.Person, SubKind = "individual", Role = "suspect", Value = name,
        });
        var visible = await CheckWorld.ReportAsync(world.Author, FiveFiveFiveHandling.LawEnforcementAndProsecutingIncludingEu,
            CheckWorld.NewPhone().International, name);

        var (status, body, raw) = await CheckWorld.CheckAsync(world.EuPolice.Client, new
        {
            person = new { names = new[] { "Иван Петров" } },
            purpose = "Deconfliction before an interview",
            caseReference = "C-TEST-NAMES",
            acknowledgeWarning = true,
        });

        Assert.True(status == HttpStatusCode.OK, raw);
        Assert.Equal(visible.Id, Assert.Single(body.GetProperty("hits").EnumerateArray()).GetProperty("reportId").GetGuid());
        // The 250 hidden namesakes: one marker of their originator, no count.
        Assert.Single(body.GetProperty("restricted").EnumerateArray());
        // As a number of its own, not as digits inside an id (an organisation's random name once held "…92502760…").
        CountAssert.NotIn(raw, 250);
    }
}
