using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Cases;
using Ariadne.Tests.Infrastructure;

namespace Ariadne.Tests.Referrals;

/// <summary>
/// Issue #9 item 16: the referral lists (sent, incoming) are paged and filtered like the case list, on the API
/// (<c>?status=&amp;reference=&amp;page=&amp;pageSize=</c>, X-Total-Count, Link) and on the pages.
/// </summary>
public sealed class ReferralListPagingTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Sent_and_incoming_referrals_are_paged_with_a_total_and_filtered_by_status_and_reference(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var referred = new List<(Guid Id, string Reference)>();
        for (var i = 0; i < 5; i++)
        {
            var r = await world.ReferAsync(child: false);
            referred.Add((r.ReferralId, r.Reference));
        }
        var police = world.Police.Client;
        var unit = world.Unit.Client;

        foreach (var (client, list) in new[] { (police, "sent"), (unit, "incoming") })
        {
            var first = await client.GetAsync($"/api/v1/referrals/{list}?pageSize=2");
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal("5", first.Headers.GetValues("X-Total-Count").Single());
            Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
            var seen = new List<Guid>();
            for (var page = 1; page <= 3; page++)
            {
                var items = await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{list}?pageSize=2&page={page}");
                Assert.Equal(page < 3 ? 2 : 1, items.GetArrayLength());
                seen.AddRange(items.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
            }
            Assert.Equal(referred.Select(r => r.Id).Order(), seen.Order());

            var byReference = await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{list}?reference={referred[2].Reference.ToLowerInvariant()}");
            Assert.Equal(referred[2].Id, Assert.Single(byReference.EnumerateArray()).GetProperty("id").GetGuid());
            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{list}?status=acknowledged")).GetArrayLength());
        }

        // Acknowledged by the unit: found by status on both sides, and last in the intake queue (unacknowledged first).
        (await unit.PostAsync($"/api/v1/referrals/incoming/{referred[4].Id}/acknowledge", null)).EnsureSuccessStatusCode();
        foreach (var (client, list) in new[] { (police, "sent"), (unit, "incoming") })
        {
            var acknowledged = await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{list}?status=Acknowledged");
            Assert.Equal(referred[4].Id, Assert.Single(acknowledged.EnumerateArray()).GetProperty("id").GetGuid());
            Assert.Equal(4, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{list}?status=Sent")).GetArrayLength());
        }
        var queue = await unit.GetFromJsonAsync<JsonElement>("/api/v1/referrals/incoming");
        Assert.Equal(referred[4].Id, queue.EnumerateArray().Last().GetProperty("id").GetGuid());
        // Newest first on the sent list.
        var sent = await police.GetFromJsonAsync<JsonElement>("/api/v1/referrals/sent");
        Assert.Equal(referred[4].Id, sent.EnumerateArray().First().GetProperty("id").GetGuid());
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Out_of_bounds_pages_and_unknown_filters_of_referral_lists_answer_400_naming_the_field(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        foreach (var (client, list) in new[] { (world.Police.Client, "sent"), (world.Unit.Client, "incoming") })
        {
            foreach (var (query, field) in new[]
                     {
                         ("pageSize=100000", "pageSize"), ("pageSize=0", "pageSize"), ("page=0", "page"), ("status=Lost", "status"),
                         ($"reference={new string('R', 500)}", "reference"),
                     })
            {
                var problem = await ProblemAssert.IsProblemAsync(await client.GetAsync($"/api/v1/referrals/{list}?{query}"), HttpStatusCode.BadRequest);
                Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{list}?{query} does not name {field}");
            }
            Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/referrals/{list}?page={int.MaxValue}")).GetArrayLength());
        }
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_referral_pages_filter_by_reference_and_show_the_total(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var one = await world.ReferAsync(child: false);
        var other = await world.ReferAsync(child: false);

        using var officer = await app.SignInToPagesAsync(world.Police.User);
        var all = await officer.GetStringAsync("/Referrals/Sent");
        Assert.Contains(one.Reference, all, StringComparison.Ordinal);
        Assert.Contains(other.Reference, all, StringComparison.Ordinal);
        Assert.Contains("(2 referrals)", all, StringComparison.Ordinal);
        var filtered = await officer.GetStringAsync($"/Referrals/Sent?reference={one.Reference}");
        Assert.Contains(one.Reference, filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Reference, filtered, StringComparison.Ordinal);
        Assert.Contains("/Referrals/Sent", await officer.GetStringAsync("/Screenings"), StringComparison.Ordinal);

        using var intake = await app.SignInToPagesAsync(world.Unit.User);
        var queue = await intake.GetStringAsync($"/Referrals?reference={other.Reference}");
        Assert.Contains(other.Reference, queue, StringComparison.Ordinal);
        Assert.DoesNotContain(one.Reference, queue, StringComparison.Ordinal);
        Assert.Contains("2 waiting", queue, StringComparison.Ordinal);
        Assert.Contains("No referral matches this filter.", await intake.GetStringAsync("/Referrals?reference=NOPE"), StringComparison.Ordinal);
        Assert.Contains("Choose a status", await intake.GetStringAsync("/Referrals?status=Lost"), StringComparison.Ordinal);
    }
}
