using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;

namespace Ariadne.Tests.Intelligence;

/// <summary>
/// Issue 10 item 2 through the API: the keys stored with a report are the matching engine's (ADR 0010), with the reporting
/// organisation's country as the phone's default region, so one phone written three ways by a Romanian unit is one key and
/// meets the same number reported from Belgium in international form.
/// </summary>
public sealed class IdentifierKeysTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task One_identifier_written_many_ways_is_one_key(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        var romania = await IntelligenceWorld.OrganisationAsync(app, OrganisationType.FrontlinePolice, "RO");
        var officer = await IntelligenceWorld.MemberAsync(app, romania, Roles.FrontlineOfficer);
        var response = await officer.Client.PostAsJsonAsync("/api/v1/intelligence", new
        {
            items = new object[]
            {
                new { kind = "Communication", subKind = "phone", value = "0040 721 234 567" },
                new { kind = "Communication", subKind = "phone", value = "+40-721-234-567" },
                new { kind = "Communication", subKind = "phone", value = "0721 234 567" },
                new { kind = "Communication", subKind = "telegram", value = "@Ivan_Petrov" },
                new { kind = "Communication", subKind = "email", value = "Ivan.Petrov@Example.COM" },
                new { kind = "Vehicle", value = "b 123 abc", country = "RO" },
                new { kind = "Document", subKind = "passport", value = "38 29 17 465", country = "BG" },
                new { kind = "Financial", value = "ro49 aaaa 1b31 0075 9384 0000" },
                new { kind = "Financial", value = "RO49 AAAA 1B31 0075 9384 0001" },
            },
        });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var keys = JsonDocument.Parse(body).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("normalisedKey").GetString()).ToList();
        Assert.Equal(["+40721234567", "+40721234567", "+40721234567"], keys[..3]);
        Assert.Equal("telegram:ivan_petrov", keys[3]);
        Assert.Equal("ivan.petrov@example.com", keys[4]);
        Assert.Equal("RO:B123ABC", keys[5]);
        Assert.Equal("PASSPORT:BG:382917465", keys[6]);
        Assert.Equal("RO49AAAA1B31007593840000", keys[7]);
        // A mistyped IBAN is someone else's account: its check digits fail, so it is not keyed as an IBAN.
        Assert.NotEqual("RO49AAAA1B31007593840001", keys[8]);
    }
}
