using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Audit;
using Ariadne.Web.Features.Cases;
using Microsoft.EntityFrameworkCore;

namespace Ariadne.Tests.Cases;

/// <summary>
/// Issue 12 item 6: the same person referred by two agencies, in two units' cases, written in two scripts. Each owner learns
/// that the other organisation may hold the person — and nothing else of the other case — unless the permission table lets
/// it see that case (the person's consent to it as a participant); the coordinator sees the pair de-personalised. Every
/// search is audited, without the names.
/// </summary>
public sealed class DuplicatePersonsTests
{
    private static readonly DateOnly Born = new(1990, 4, 12);

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_person_in_two_units_cases_is_reported_to_each_owner_without_identity(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var ours = await world.OpenAdultCaseAsync();
        var theirs = await world.OpenAdultCaseAsync();
        var unrelated = await world.OpenAdultCaseAsync();

        // The index is built now, before the people are recorded: what follows must reach it through the save itself.
        Assert.Empty((await DuplicatesAsync(world.Unit.Client, ours.Id)).Contacts);

        await app.WithDbAsync(async db =>
        {
            var a = await db.Cases.SingleAsync(c => c.Id == ours.Id);
            a.PersonName = "Dragana Petrović";
            a.DateOfBirth = Born;
            // The other unit owns the second case: the person referred again, by another agency, in Cyrillic.
            var b = await db.Cases.Include(c => c.Participants).SingleAsync(c => c.Id == theirs.Id);
            var owner = b.Participants.Single(p => p.Kind == ParticipantKind.Owner);
            b.Participants.Remove(owner);
            b.Participants.Add(new CaseParticipant
            {
                CaseId = b.Id, OrganisationId = world.OtherUnit.Organisation.Id, Kind = ParticipantKind.Owner, AddedAt = owner.AddedAt,
            });
            b.OwnerOrganisationId = world.OtherUnit.Organisation.Id;
            b.OwnerUserId = null;
            b.PersonName = "Драгана Петровић";
            b.DateOfBirth = Born;
            await db.SaveChangesAsync();
        });

        // Each owner: only "possible duplicate — contact <the other unit>".
        var ourView = await DuplicatesRawAsync(world.Unit.Client, ours.Id);
        var ourAnswer = JsonSerializer.Deserialize<DuplicatesResponse>(ourView, JsonSerializerOptions.Web)!;
        Assert.Empty(ourAnswer.Cases);
        var contact = Assert.Single(ourAnswer.Contacts);
        Assert.Equal(world.OtherUnit.Organisation.Name, contact.Organisation);
        AssertNothingOf(ourView, theirs, "Драгана", "Петровић");

        var theirView = await DuplicatesRawAsync(world.OtherUnit.Client, theirs.Id);
        var theirAnswer = JsonSerializer.Deserialize<DuplicatesResponse>(theirView, JsonSerializerOptions.Web)!;
        Assert.Empty(theirAnswer.Cases);
        Assert.Equal(world.Unit.Organisation.Name, Assert.Single(theirAnswer.Contacts).Organisation);
        AssertNothingOf(theirView, ours, "Dragana", "Petrović");
        Assert.DoesNotContain(unrelated.Reference, theirView, StringComparison.Ordinal);

        // The case page says the same, from the same service.
        using (var page = await app.SignInToPagesAsync(world.Unit.User))
        {
            var html = await page.GetStringAsync($"/Cases/View?id={ours.Id}");
            Assert.Contains($"Possible duplicate — contact {world.OtherUnit.Organisation.Name}", html, StringComparison.Ordinal);
            AssertNothingOf(html, theirs, "Драгана", "Петровић");
        }

        // The coordinator oversees both cases: the pair, de-personalised (reference and owner, no name, no score).
        var overseen = await DuplicatesAsync(world.Coordinator.Client, ours.Id);
        var pair = Assert.Single(overseen.Cases);
        Assert.Equal((theirs.Id, theirs.Reference, (string?)null, (double?)null), (pair.CaseId, pair.Reference, pair.PersonName, pair.Score));
        Assert.Empty(overseen.Contacts);

        // Only the owner and the coordinator look for duplicates: the invited prosecution does not, and a stranger gets 404.
        await world.InviteAsync(ours.Id, world.Prosecution.Organisation);
        Assert.Equal(HttpStatusCode.NotFound, (await world.Prosecution.Client.GetAsync($"/api/v1/cases/{ours.Id}/duplicates")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.OtherUnit.Client.GetAsync($"/api/v1/cases/{ours.Id}/duplicates")).StatusCode);

        // The other unit brings ours into its case and the person consents to our seeing who they are: now we see the case.
        await CaseWorld.OkAsync(await world.OtherUnit.Client.PostAsJsonAsync($"/api/v1/cases/{theirs.Id}/participants",
            new { organisationId = world.Unit.Organisation.Id }));
        await world.ConsentAsync(theirs.Id, "PersonalData", world.Unit.Organisation, world.OtherUnit.Client);
        var shared = await DuplicatesAsync(world.Unit.Client, ours.Id);
        var seen = Assert.Single(shared.Cases);
        Assert.Equal((theirs.Id, "Драгана Петровић"), (seen.CaseId, seen.PersonName));
        Assert.InRange(seen.Score!.Value, PersonDuplicates.MinimumScore, 1);
        Assert.Contains("date of birth the same", seen.Explanation, StringComparison.Ordinal);
        Assert.Empty(shared.Contacts);

        // Every search is in the trail, with what was shown and never the names.
        await app.WithDbAsync(async db =>
        {
            var entries = await db.AuditEntries.AsNoTracking()
                .Where(e => e.Action == AuditActions.Search && e.TargetId == ours.Id.ToString()).ToListAsync();
            Assert.Contains(entries, e => e.ActorUserId == world.Unit.User.Id && e.Details!.Contains("1 organisations to contact", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.ActorUserId == world.Coordinator.User.Id && e.Details!.Contains("1 de-personalised", StringComparison.Ordinal));
            Assert.Contains(entries, e => e.ActorUserId == world.Unit.User.Id && e.Details!.Contains("1 with identity", StringComparison.Ordinal));
            Assert.All(entries, e => Assert.DoesNotContain("Petrovi", e.Details!, StringComparison.Ordinal));
        });
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_different_date_of_birth_or_another_name_is_no_duplicate(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        using var world = await CaseWorld.CreateAsync(app);
        var ours = await world.OpenAdultCaseAsync();
        var sameNameOtherBirth = await world.OpenAdultCaseAsync();
        var otherName = await world.OpenAdultCaseAsync();
        await app.WithDbAsync(async db =>
        {
            foreach (var (id, name, born) in new[]
                     {
                         (ours.Id, "Dragana Petrović", Born), (sameNameOtherBirth.Id, "Dragana Petrović", new DateOnly(1971, 9, 2)),
                         (otherName.Id, "Ioana Constantinescu", Born),
                     })
            {
                var c = await db.Cases.SingleAsync(x => x.Id == id);
                (c.PersonName, c.DateOfBirth) = (name, born);
            }
            await db.SaveChangesAsync();
        });
        var found = await DuplicatesAsync(world.Unit.Client, ours.Id);
        Assert.Empty(found.Cases);
        Assert.Empty(found.Contacts);
    }

    private static void AssertNothingOf(string text, OpenedCase other, params string[] names)
    {
        Assert.DoesNotContain(other.Reference, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("score", text, StringComparison.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        }
    }

    private static async Task<string> DuplicatesRawAsync(HttpClient client, Guid caseId)
    {
        var response = await client.GetAsync($"/api/v1/cases/{caseId}/duplicates");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<DuplicatesResponse> DuplicatesAsync(HttpClient client, Guid caseId) =>
        JsonSerializer.Deserialize<DuplicatesResponse>(await DuplicatesRawAsync(client, caseId), JsonSerializerOptions.Web)!;
}
