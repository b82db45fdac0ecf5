using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Organisations;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ariadne.Tests.Security;

/// <summary>
/// No input gives a 500 (issue 9, item 12): a seeded fuzz over every write of the route table (bodies shaped
/// like the endpoint's request type, then mutated) and every form the pages offer to a signed-in user (posted
/// with the page's anti-forgery token and mutated values). A fixed seed makes a failure repeatable; the
/// number of requests is fixed, so the run time stays bounded.
/// </summary>
public sealed partial class FuzzTests
{
    private const int Seed = 9_012;
    private const int RequestsPerEndpoint = 6;
    private const int PostsPerForm = 4;

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_api_write_answers_without_a_server_error(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var world = await FuzzWorld.CreateAsync(app);
        var errors = ServerErrors.Capture(app);
        var random = new Random(Seed);
        var failures = new List<string>();
        var sent = 0;

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Endpoint: e)))
            .OrderBy(x => x.Endpoint.RoutePattern.RawText, StringComparer.Ordinal).ThenBy(x => x.Method, StringComparer.Ordinal)
            .ToList();
        Assert.Contains(endpoints, e => e.Method == "PUT");

        foreach (var (method, endpoint) in endpoints)
        {
            var route = endpoint.RoutePattern.RawText!;
            var bodyType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var isWrite = method is "POST" or "PUT" or "DELETE" or "PATCH";
            for (var i = 0; i < (isWrite ? RequestsPerEndpoint : 3); i++)
            {
                var url = world.Fill(route, random) + (isWrite ? "" : FuzzValues.Query(random));
                var client = world.ApiClientFor(route, random);
                using var request = new HttpRequestMessage(new HttpMethod(method), url);
                string? body = null;
                if (isWrite)
                {
                    body = random.Next(10) == 0 ? FuzzValues.RawJunk(random) : FuzzValues.Body(bodyType, random, world)?.ToJsonString();
                    request.Content = new StringContent(body ?? "", Encoding.UTF8, "application/json");
                }
                var response = await client.SendAsync(request);
                sent++;
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{method} {Cut(url, 200)} {Cut(body)} -> {(int)response.StatusCode} {Cut(await response.Content.ReadAsStringAsync())}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests gave a server error (seed {Seed}):\n" + string.Join("\n", failures)
            + "\nServer exceptions:\n" + errors);
        Assert.True(sent > 100, $"only {sent} requests were sent");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_page_form_answers_without_a_server_error(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var world = await FuzzWorld.CreateAsync(app);
        var errors = ServerErrors.Capture(app);
        var random = new Random(Seed);
        var failures = new List<string>();
        var forms = 0;
        var sent = 0;

        foreach (var (role, pages) in world.Pages())
        {
            using var client = await app.SignInToPagesAsync(world.Users[role]);
            foreach (var page in pages)
            {
                var html = await client.GetStringAsync(page);
                var found = HtmlForms.Parse(html, page).Where(f => !f.Action.StartsWith("/Accounts/SignOut", StringComparison.Ordinal)).ToList();
                forms += found.Count;
                for (var formIndex = 0; formIndex < found.Count; formIndex++)
                {
                    for (var i = 0; i < PostsPerForm; i++)
                    {
                        // Each post starts from the page as it is now (a post may have changed it) with a fresh token.
                        var current = HtmlForms.Parse(await client.GetStringAsync(page), page)
                            .Where(f => !f.Action.StartsWith("/Accounts/SignOut", StringComparison.Ordinal)).ToList();
                        if (formIndex >= current.Count)
                        {
                            break;
                        }
                        var form = current[formIndex];
                        var (url, fields) = form.Mutate(random, world);
                        HttpResponseMessage response;
                        if (form.Method == "get")
                        {
                            response = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + Encode(fields));
                        }
                        else
                        {
                            response = await client.PostAsync(url, new FormUrlEncodedContent(fields));
                        }
                        sent++;
                        if ((int)response.StatusCode >= 500)
                        {
                            failures.Add($"{role} {form.Method.ToUpperInvariant()} {url} [{Cut(Encode(fields))}] -> {(int)response.StatusCode} " +
                                         Cut(await response.Content.ReadAsStringAsync(), 1500));
                        }
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} form posts gave a server error (seed {Seed}):\n" + string.Join("\n", failures)
            + "\nServer exceptions:\n" + errors);
        Assert.True(forms >= 20, $"only {forms} forms were found on the pages");
    }

    /// <summary>The checks named in the issue, one by one, so that a regression names itself.</summary>
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_inputs_named_in_issue_9_are_refused_as_bad_requests(string database)
    {
        await using var app = await AriadneAppFactory.IsolatedAsync(database);
        var world = await FuzzWorld.CreateAsync(app);
        var errors = ServerErrors.Capture(app);
        var officer = world.Api[Roles.FrontlineOfficer];
        var admin = world.Api[Roles.Administrator];
        var failures = new List<string>();

        async Task ExpectAsync(HttpResponseMessage response, string what, params int[] allowed)
        {
            if (!allowed.Contains((int)response.StatusCode))
            {
                failures.Add($"{what}: {(int)response.StatusCode} {Cut(await response.Content.ReadAsStringAsync())}");
            }
        }

        await ExpectAsync(await officer.PutAsync($"/api/v1/screenings/{world.DraftScreening}",
            Json("""{"indicators":[null]}""")), "indicators [null]", 400);
        await ExpectAsync(await world.Api[Roles.Investigator].PutAsync($"/api/v1/cases/{world.Case}/disposition",
            Json("""{"consultedParties":[null],"summary":"x"}""")), "consultedParties [null]", 400, 404, 409);
        await ExpectAsync(await admin.PutAsync("/api/v1/jurisdiction",
            Json("""{"name":null,"zone":null,"languages":null,"minimumReflectionDays":null,"ageOfMajority":null}""")), "jurisdiction nulls", 400);
        await ExpectAsync(await admin.GetAsync("/api/v1/audit?to=9999-12-31"), "audit to=9999-12-31", 200, 400);
        await ExpectAsync(await admin.GetAsync("/api/v1/audit/export?reason=check&to=9999-12-31"), "export to=9999-12-31", 200, 400);
        await ExpectAsync(await admin.GetAsync("/api/v1/audit?action=" + new string('a', 1_000_000)), "1 MB audit filter", 400, 414, 431);
        var longText = new string('x', 30_000);
        foreach (var field in new[] { "place", "statement", "dangerDetails", "companionDescription", "personName", "suspectedOffence" })
        {
            var response = await officer.PutAsync($"/api/v1/screenings/{world.DraftScreening}",
                Json(new JsonObject { [field] = longText, ["accompanied"] = true, ["immediateDanger"] = true, ["offenderFlag"] = true, ["nameKind"] = "Name" }.ToJsonString()));
            var text = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains($"\"{field}\"", StringComparison.Ordinal))
            {
                failures.Add($"{field} of 30,000 characters: {(int)response.StatusCode} {Cut(text)}");
            }
        }
        // A completed screening keeps what completion required: PUT {} must not empty it.
        await ExpectAsync(await officer.PutAsync($"/api/v1/screenings/{world.CompletedScreening}", Json("{}")), "PUT {} on a completed screening", 400);
        var completed = await officer.GetFromJsonAsync<JsonObject>($"/api/v1/screenings/{world.CompletedScreening}");
        if (completed?["details"]?["place"] is null)
        {
            failures.Add("PUT {} emptied the place of a completed screening");
        }

        using var pages = await app.SignInToPagesAsync(world.Users[Roles.FrontlineOfficer]);
        var editUrl = $"/Screenings/Edit?id={world.DraftScreening}";
        await ExpectAsync(await AriadneAppFactory.PostFormAsync(pages, editUrl, new() { ["Input.Place"] = "Fuzz" }), "POST /Screenings/Edit without a handler", 200, 302, 400);
        await ExpectAsync(await AriadneAppFactory.PostFormAsync(pages, editUrl + "&handler=Save",
            new() { ["Input.Accompanied"] = "maybe", ["Input.Place"] = "Fuzz" }), "a non-boolean checkbox", 200, 302, 400);
        await ExpectAsync(await AriadneAppFactory.PostFormAsync(pages, editUrl + "&handler=Save",
            new() { ["Input.Ticked"] = "" }), "an empty Input.Ticked", 200, 302, 400);

        Assert.True(failures.Count == 0, string.Join("\n", failures) + "\nServer exceptions:\n" + errors);
    }

    /// <summary>The exceptions the server logged, each kind once with where it was thrown: what a failure report needs.</summary>
    private sealed class ServerErrors : ILoggerProvider, ILogger
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _seen = new();

        public static ServerErrors Capture(AriadneAppFactory app)
        {
            var errors = new ServerErrors();
            app.Services.GetRequiredService<ILoggerFactory>().AddProvider(errors);
            return errors;
        }

        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (exception is null || logLevel < LogLevel.Error)
            {
                return;
            }
            var frames = (exception.ToString().Split('\n').Where(l => l.Contains("Ariadne.Web", StringComparison.Ordinal)).Take(3));
            _seen.AddOrUpdate($"{exception.GetType().Name}: {Cut(exception.Message, 300)}\n    {string.Join("\n    ", frames.Select(f => f.Trim()))}", 1, (_, n) => n + 1);
        }

        public override string ToString() => string.Join("\n", _seen.Select(e => $"{e.Value} x {e.Key}"));

        public void Dispose()
        {
        }
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static string Encode(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private static string Cut(string? text, int max = 400) =>
        text is null ? "" : text.Length <= max ? text : text[..max] + $"…({text.Length})";

    /// <summary>
    /// The records the fuzz aims at, made through the API as people make them: a draft and a completed screening,
    /// a referral to the unit, the unit's case; and one signed-in client per role.
    /// </summary>
    private sealed partial class FuzzWorld
    {
        public required Dictionary<string, TestUser> Users { get; init; }
        public required Dictionary<string, HttpClient> Api { get; init; }
        public required HttpClient Anonymous { get; init; }
        public Guid DraftScreening { get; private set; }
        public Guid CompletedScreening { get; private set; }
        public Guid Referral { get; private set; }
        public Guid Case { get; private set; }
        public required Organisation Police { get; init; }
        public required Organisation Unit { get; init; }
        public required Organisation Support { get; init; }
        public required TestUser Bystander { get; init; }
        public List<Guid> Ids { get; } = [];

        public static async Task<FuzzWorld> CreateAsync(AriadneAppFactory app)
        {
            var police = await app.CreateOrganisationAsync(OrganisationType.FrontlinePolice);
            var unit = await app.CreateOrganisationAsync(OrganisationType.AntiTraffickingUnit);
            var support = await app.CreateOrganisationAsync(OrganisationType.VictimSupport);
            var guardianship = await app.CreateOrganisationAsync(OrganisationType.Guardianship);
            var coordination = await app.CreateOrganisationAsync(OrganisationType.NationalReferralCoordinator);
            var administration = await app.CreateOrganisationAsync(OrganisationType.Administration);
            var users = new Dictionary<string, TestUser>
            {
                [Roles.FrontlineOfficer] = await app.CreateUserAsync(police, Roles.FrontlineOfficer),
                [Roles.Investigator] = await app.CreateUserAsync(unit, Roles.Investigator),
                [Roles.SupportWorker] = await app.CreateUserAsync(support, Roles.SupportWorker),
                [Roles.Guardian] = await app.CreateUserAsync(guardianship, Roles.Guardian),
                [Roles.Coordinator] = await app.CreateUserAsync(coordination, Roles.Coordinator),
                [Roles.Administrator] = await app.CreateUserAsync(administration, Roles.Administrator),
            };
            var api = new Dictionary<string, HttpClient>();
            foreach (var (role, user) in users)
            {
                api[role] = await app.SignInAsync(user);
            }
            var world = new FuzzWorld
            {
                Users = users, Api = api, Anonymous = app.CreateClient(), Police = police, Unit = unit, Support = support,
                // Account forms are fuzzed on a user nobody signs in as: a fuzzed form may disable it.
                Bystander = await app.CreateUserAsync(police, Roles.FrontlineOfficer),
            };
            world.Ids.AddRange([police.Id, unit.Id, support.Id, guardianship.Id, world.Bystander.Id]);

            var officer = api[Roles.FrontlineOfficer];
            var details = new
            {
                intakeChannel = "ENC-02", place = "Fuzz station", encounteredAt = DateTimeOffset.UtcNow.AddHours(-1), approximateAge = 30,
                statement = "Fuzz statement", indicators = new[] { new { id = "GEN-01" } },
            };
            world.DraftScreening = await IdOfAsync(await officer.PostAsJsonAsync("/api/v1/screenings", details));
            world.CompletedScreening = await IdOfAsync(await officer.PostAsJsonAsync("/api/v1/screenings", details));
            (await officer.PostAsync($"/api/v1/screenings/{world.CompletedScreening}/complete", null)).EnsureSuccessStatusCode();
            var toRefer = await IdOfAsync(await officer.PostAsJsonAsync("/api/v1/screenings", details));
            var referred = await officer.PostAsJsonAsync($"/api/v1/screenings/{toRefer}/referral", new { unitId = unit.Id, consent = "Given" });
            referred.EnsureSuccessStatusCode();
            world.Referral = Guid.Parse((await referred.Content.ReadFromJsonAsync<JsonObject>())!["referrals"]![0]!["id"]!.GetValue<string>());
            world.Case = await IdOfAsync(await api[Roles.Investigator].PostAsJsonAsync("/api/v1/cases", new { referralId = world.Referral }));
            // The support organisation takes part (a proposed service), so its worker reaches the case's forms.
            await api[Roles.Investigator].PostAsJsonAsync($"/api/v1/cases/{world.Case}/services",
                new { service = "SVC-02", providerOrganisationId = support.Id });
            world.Ids.AddRange([world.DraftScreening, world.CompletedScreening, toRefer, world.Referral, world.Case]);
            return world;
        }

        private static async Task<Guid> IdOfAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, text);
            return Guid.Parse(JsonNode.Parse(text)!["id"]!.GetValue<string>());
        }

        /// <summary>The client whose role reaches past authorization on this route most of the time.</summary>
        public HttpClient ApiClientFor(string route, Random random)
        {
            string Pick(params string[] roles) => roles[random.Next(roles.Length)];
            var role = route switch
            {
                _ when route.StartsWith("/api/v1/auth/token", StringComparison.Ordinal) => null,
                _ when route.StartsWith("/api/v1/screenings", StringComparison.Ordinal) => Roles.FrontlineOfficer,
                _ when route.StartsWith("/api/v1/referrals/sent", StringComparison.Ordinal) => Roles.FrontlineOfficer,
                _ when route.StartsWith("/api/v1/referrals", StringComparison.Ordinal) => Roles.Investigator,
                _ when route.StartsWith("/api/v1/cases", StringComparison.Ordinal) =>
                    Pick(Roles.Investigator, Roles.Investigator, Roles.Investigator, Roles.SupportWorker, Roles.Guardian, Roles.Coordinator),
                _ when route.StartsWith("/api/v1/shelters", StringComparison.Ordinal) => Roles.SupportWorker,
                _ when route.StartsWith("/api/v1/information-sheets", StringComparison.Ordinal) => Roles.FrontlineOfficer,
                _ when route.StartsWith("/api/v1/audit", StringComparison.Ordinal) => Pick(Roles.Administrator, Roles.Coordinator),
                _ => Roles.Administrator,
            };
            return role is null ? Anonymous : Api[role];
        }

        /// <summary>Route values: mostly the records made above, sometimes an unknown id or junk.</summary>
        public string Fill(string route, Random random) =>
            RouteParameter().Replace(route, m =>
            {
                var name = m.Groups["name"].Value;
                var isGuid = m.Groups["constraint"].Value == "guid";
                if (random.Next(8) == 0)
                {
                    return isGuid ? Guid.NewGuid().ToString() : Uri.EscapeDataString(FuzzValues.Text(random, this));
                }
                if (!isGuid)
                {
                    return name switch
                    {
                        "actionId" => FuzzValues.Pick(random, "R-ACT-01", "R-ACT-02", "R-ACT-05", "X"),
                        "decision" => FuzzValues.Pick(random, "accept", "decline", "start", "end", "x"),
                        "language" => FuzzValues.Pick(random, "en", "ar", "zz"),
                        _ => "x",
                    };
                }
                return (name, route) switch
                {
                    ("id", _) when route.StartsWith("/api/v1/screenings", StringComparison.Ordinal) =>
                        (random.Next(2) == 0 ? DraftScreening : CompletedScreening).ToString(),
                    ("id", _) when route.StartsWith("/api/v1/cases", StringComparison.Ordinal) => Case.ToString(),
                    ("id", _) when route.StartsWith("/api/v1/referrals", StringComparison.Ordinal) => Referral.ToString(),
                    ("id", _) when route.StartsWith("/api/v1/users", StringComparison.Ordinal) => Bystander.Id.ToString(),
                    ("id" or "organisationId", _) => Police.Id.ToString(),
                    _ => Ids[random.Next(Ids.Count)].ToString(),
                };
            });

        /// <summary>Per role, the pages whose forms are fuzzed.</summary>
        public IEnumerable<(string Role, string[] Pages)> Pages() =>
        [
            (Roles.FrontlineOfficer, ["/Screenings", $"/Screenings/Edit?id={DraftScreening}", $"/Screenings/Guidance?id={DraftScreening}",
                $"/Screenings/Edit?id={CompletedScreening}", $"/Screenings/Guidance?id={CompletedScreening}", "/Accounts/Security"]),
            (Roles.Investigator, ["/Referrals", $"/Referrals/View?id={Referral}", "/Cases", $"/Cases/View?id={Case}"]),
            (Roles.SupportWorker, ["/Cases", $"/Cases/View?id={Case}", "/Support/Shelters"]),
            (Roles.Guardian, ["/Cases"]),
            (Roles.Coordinator, ["/Cases/Dashboard", $"/Cases/View?id={Case}", "/Audit"]),
            (Roles.Administrator, ["/Jurisdiction/Edit", $"/Organisations/Edit?id={Police.Id}", "/Organisations/Edit", "/Accounts/Users",
                $"/Accounts/Users/Edit?id={Bystander.Id}", "/Audit"]),
        ];

        [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\}")]
        private static partial Regex RouteParameter();
    }

    /// <summary>Values that have broken web applications before: wrong types, edges of ranges, huge and empty text.</summary>
    private static class FuzzValues
    {
        private static readonly string[] Words =
        [
            "", " ", "x", "null", "true", "0", "-1", "9999-12-31", "0001-01-01", "9999-12-31T23:59:59Z", "2026-13-45", "not a date",
            "ENC-02", "GEN-01", "R-ACT-01", "SVC-02", "RET-04", "EXP-LAB", "Given", "Refused", "Name", "Alias", "Female", "Statements",
            "PersonalData", "FlightShelter", "Done", "StartAssessment", "PolicePremises", "ShelterPlacement", "en", "\u0000", "😀",
            "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "Ω≈ç√∫", "ا", "00000000-0000-0000-0000-000000000000",
        ];

        public static T Pick<T>(Random random, params T[] values) => values[random.Next(values.Length)];

        public static string Text(Random random, FuzzWorld world) => random.Next(12) switch
        {
            0 => new string('x', Pick(random, 201, 1_001, 20_001, 40_000)),
            1 => world.Ids[random.Next(world.Ids.Count)].ToString(),
            2 => Guid.NewGuid().ToString(),
            3 => string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(1, 0xD7FF))),
            4 => random.Next(-100_000, 100_000).ToString(CultureInfo.InvariantCulture),
            _ => Pick(random, Words),
        };

        public static string Query(Random random)
        {
            string[] keys = ["from", "to", "page", "pageSize", "reason", "action", "actor", "targetType", "targetId", "scope", "outcome", "q"];
            var pairs = Enumerable.Range(0, random.Next(0, 4)).Select(_ =>
                Pick(random, keys) + "=" + Uri.EscapeDataString(random.Next(6) == 0 ? new string('y', 5_000) : Pick(random, Words)));
            var query = string.Join("&", pairs);
            return query.Length == 0 ? "" : "?" + query;
        }

        public static string RawJunk(Random random) =>
            Pick(random, "", "null", "[]", "{", "\"text\"", "42", "{\"a\":", "[null]", "{\"__proto__\":{}}", new string('[', 2_000));

        /// <summary>A body shaped like <paramref name="type"/> (mostly right, sometimes wrong), or random JSON without a type.</summary>
        public static JsonNode? Body(Type? type, Random random, FuzzWorld world) =>
            type is null ? AnyValue(random, world, 2) : Shaped(type, random, world, 0);

        private static JsonNode? Shaped(Type type, Random random, FuzzWorld world, int depth)
        {
            if (random.Next(10) == 0)
            {
                return AnyValue(random, world, 1); // the wrong type on purpose
            }
            var underlying = Nullable.GetUnderlyingType(type);
            if (underlying is not null || !type.IsValueType)
            {
                if (random.Next(12) == 0)
                {
                    return null;
                }
            }
            type = underlying ?? type;
            if (type == typeof(string))
            {
                return JsonValue.Create(Text(random, world));
            }
            if (type == typeof(bool))
            {
                return JsonValue.Create(random.Next(2) == 0);
            }
            if (type == typeof(int) || type == typeof(long) || type == typeof(decimal) || type == typeof(double))
            {
                return JsonValue.Create(Pick(random, 0, 1, -1, 10, 30, 365, int.MaxValue, int.MinValue));
            }
            if (type == typeof(Guid))
            {
                return JsonValue.Create(random.Next(4) == 0 ? Guid.NewGuid() : world.Ids[random.Next(world.Ids.Count)]);
            }
            if (type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly))
            {
                return JsonValue.Create(Pick(random, "9999-12-31", "0001-01-01", "9999-12-31T23:59:59Z",
                    DateTime.UtcNow.AddDays(-random.Next(0, 400)).ToString("O", CultureInfo.InvariantCulture),
                    DateTime.UtcNow.AddDays(random.Next(0, 400)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            }
            if (type.IsEnum)
            {
                var names = Enum.GetNames(type);
                return JsonValue.Create(names[random.Next(names.Length)]);
            }
            if (depth > 3)
            {
                return null;
            }
            var element = type.IsArray ? type.GetElementType()
                : type.IsGenericType && type.GetGenericArguments().Length == 1 && typeof(System.Collections.IEnumerable).IsAssignableFrom(type)
                    ? type.GetGenericArguments()[0] : null;
            if (element is not null)
            {
                var array = new JsonArray();
                for (var i = random.Next(0, 4); i > 0; i--)
                {
                    array.Add(random.Next(8) == 0 ? null : Shaped(element, random, world, depth + 1));
                }
                return array;
            }
            var obj = new JsonObject();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite || p.DeclaringType!.IsSealed))
            {
                if (random.Next(6) == 0)
                {
                    continue;
                }
                obj[JsonNamingPolicy.CamelCase.ConvertName(property.Name)] = Shaped(property.PropertyType, random, world, depth + 1);
            }
            return obj;
        }

        private static JsonNode? AnyValue(Random random, FuzzWorld world, int depth) => random.Next(depth > 0 ? 7 : 5) switch
        {
            0 => null,
            1 => JsonValue.Create(Text(random, world)),
            2 => JsonValue.Create(Pick(random, 0, -1, int.MaxValue)),
            3 => JsonValue.Create(random.Next(2) == 0),
            4 => JsonValue.Create(1e300),
            5 => new JsonArray(Enumerable.Range(0, random.Next(0, 3)).Select(_ => AnyValue(random, world, depth - 1)).ToArray()),
            _ => new JsonObject(Enumerable.Range(0, random.Next(0, 4))
                .Select(_ => KeyValuePair.Create(Pick(random, "id", "name", "reason", "indicators", "to", "from", "status") + random.Next(3),
                    AnyValue(random, world, depth - 1)))
                .DistinctBy(p => p.Key)),
        };
    }

    /// <summary>The forms of a page, read as a browser reads them, and mutated for posting.</summary>
    private sealed partial record HtmlForms(string Method, string Action, List<KeyValuePair<string, string>> Fields,
        List<string> Submits, Dictionary<string, List<string>> Choices, HashSet<string> Checkboxes)
    {
        public static List<HtmlForms> Parse(string html, string pageUrl)
        {
            var forms = new List<HtmlForms>();
            foreach (Match form in FormTag().Matches(html))
            {
                var attributes = form.Groups["attrs"].Value;
                var method = Attribute(attributes, "method")?.ToLowerInvariant() ?? "get";
                var action = Attribute(attributes, "action") is { Length: > 0 } a ? a : pageUrl;
                var inner = form.Groups["inner"].Value;
                var fields = new List<KeyValuePair<string, string>>();
                var submits = new List<string>();
                var choices = new Dictionary<string, List<string>>(StringComparer.Ordinal);
                var checkboxes = new HashSet<string>(StringComparer.Ordinal);
                foreach (Match input in InputTag().Matches(inner))
                {
                    var attrs = input.Groups["attrs"].Value;
                    var name = Attribute(attrs, "name");
                    var type = Attribute(attrs, "type")?.ToLowerInvariant() ?? "text";
                    var value = Attribute(attrs, "value") ?? (type == "checkbox" ? "on" : "");
                    if (name is null)
                    {
                        continue;
                    }
                    if (type is "checkbox" or "radio")
                    {
                        (choices.TryGetValue(name, out var list) ? list : choices[name] = []).Add(value);
                        if (type == "checkbox")
                        {
                            checkboxes.Add(name);
                        }
                        if (attrs.Contains("checked", StringComparison.Ordinal))
                        {
                            fields.Add(new(name, value));
                        }
                        continue;
                    }
                    if (type is "submit" or "button")
                    {
                        continue;
                    }
                    fields.Add(new(name, value));
                }
                foreach (Match area in TextareaTag().Matches(inner))
                {
                    if (Attribute(area.Groups["attrs"].Value, "name") is { } name)
                    {
                        fields.Add(new(name, WebUtility.HtmlDecode(area.Groups["inner"].Value)));
                    }
                }
                foreach (Match select in SelectTag().Matches(inner))
                {
                    if (Attribute(select.Groups["attrs"].Value, "name") is not { } name)
                    {
                        continue;
                    }
                    var options = OptionTag().Matches(select.Groups["inner"].Value)
                        .Select(o => Attribute(o.Groups["attrs"].Value, "value") ?? WebUtility.HtmlDecode(o.Groups["inner"].Value)).ToList();
                    choices[name] = options;
                    fields.Add(new(name, options.FirstOrDefault() ?? ""));
                }
                foreach (Match button in ButtonTag().Matches(inner))
                {
                    var attrs = button.Groups["attrs"].Value;
                    if (Attribute(attrs, "type") is "button")
                    {
                        continue;
                    }
                    submits.Add(Attribute(attrs, "formaction") ?? action);
                }
                forms.Add(new HtmlForms(method, action, fields, submits.Count == 0 ? [action] : submits, choices, checkboxes));
            }
            return forms;
        }

        /// <summary>A submission of this form with some values replaced, dropped or doubled; the anti-forgery token stays.</summary>
        public (string Url, List<KeyValuePair<string, string>> Fields) Mutate(Random random, FuzzWorld world)
        {
            var url = Submits[random.Next(Submits.Count)];
            if (random.Next(8) == 0)
            {
                url = HandlerParameter().Replace(url, "$1"); // a post without its handler
            }
            var fields = new List<KeyValuePair<string, string>>();
            var names = Fields.Select(f => f.Key).Concat(Choices.Keys).Distinct(StringComparer.Ordinal).ToList();
            foreach (var (name, value) in Fields)
            {
                if (name == "__RequestVerificationToken" || random.Next(3) != 0)
                {
                    fields.Add(new(name, value));
                    continue;
                }
                switch (random.Next(4))
                {
                    case 0:
                        break; // dropped
                    case 1:
                        fields.Add(new(name, value));
                        fields.Add(new(name, FuzzValues.Text(random, world)));
                        break;
                    default:
                        fields.Add(new(name, FuzzValues.Text(random, world)));
                        break;
                }
            }
            foreach (var (name, options) in Choices)
            {
                switch (random.Next(5))
                {
                    case 0:
                        fields.Add(new(name, options.Count > 0 ? options[random.Next(options.Count)] : ""));
                        break;
                    case 1:
                        fields.Add(new(name, Checkboxes.Contains(name) ? FuzzValues.Pick(random, "maybe", "", "2", "on", "TRUE") : FuzzValues.Text(random, world)));
                        break;
                }
            }
            if (random.Next(10) == 0 && names.Count > 0)
            {
                fields.Add(new(names[random.Next(names.Count)] + FuzzValues.Pick(random, "[0]", ".X", "[]", "[x].Y"), FuzzValues.Text(random, world)));
            }
            return (url, fields);
        }

        private static string? Attribute(string attributes, string name)
        {
            var match = Regex.Match(attributes, $@"(?:^|\s){name}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)')", RegexOptions.IgnoreCase);
            return match.Success ? WebUtility.HtmlDecode(match.Groups["v"].Value) : null;
        }

        [GeneratedRegex(@"<form(?<attrs>[^>]*)>(?<inner>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
        private static partial Regex FormTag();

        [GeneratedRegex(@"<input(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
        private static partial Regex InputTag();

        [GeneratedRegex(@"<textarea(?<attrs>[^>]*)>(?<inner>.*?)</textarea>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
        private static partial Regex TextareaTag();

        [GeneratedRegex(@"<select(?<attrs>[^>]*)>(?<inner>.*?)</select>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
        private static partial Regex SelectTag();

        [GeneratedRegex(@"<option(?<attrs>[^>]*)>(?<inner>.*?)</option>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
        private static partial Regex OptionTag();

        [GeneratedRegex(@"<button(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
        private static partial Regex ButtonTag();

        [GeneratedRegex(@"([?&])handler=[^&]*&?")]
        private static partial Regex HandlerParameter();
    }
}
