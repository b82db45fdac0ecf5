using System.Collections;
using System.Net;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text;
using Ariadne.Tests.Infrastructure;
using Ariadne.Web.Features.Shared;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ariadne.Tests.Security;

/// <summary>
/// Every free-text field has a maximum length with a 400 problem naming it (issue 9, item 12). The fields are found
/// by reflection over the request type of every write in the route table, so a field added tomorrow is tested
/// tomorrow: one character past its limit must be refused, and the problem must name it.
/// </summary>
public sealed partial class TextLimitTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Every_text_field_of_every_api_request_is_refused_one_character_past_its_limit_naming_the_field(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        string[] roles =
        [
            Roles.Administrator, Roles.FrontlineOfficer, Roles.Investigator, Roles.SupportWorker, Roles.Guardian, Roles.Coordinator,
            Roles.Prosecutor, Roles.OrganisationAdministrator,
        ];
        var clients = new List<HttpClient> { app.CreateClient() };
        foreach (var role in roles)
        {
            clients.Add(await app.SignInAsAsync(role));
        }

        var writes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true)
            .Select(e => (Endpoint: e, Body: e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))
            .Where(e => e.Body is not null)
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(m => (Method: m, Route: e.Endpoint.RoutePattern.RawText!, Body: e.Body!)))
            .ToList();

        var failures = new List<string>();
        var checkedFields = 0;
        foreach (var (method, route, bodyType) in writes)
        {
            var url = RouteParameter().Replace(route, m => m.Groups["constraint"].Value == "guid" ? Guid.NewGuid().ToString() : "x");
            foreach (var field in TextFields(bodyType, "", 0))
            {
                checkedFields++;
                var body = field.Body(new string('x', field.Limit + 1));
                HttpResponseMessage? answer = null;
                foreach (var client in clients)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), url)
                    {
                        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
                    };
                    answer = await client.SendAsync(request);
                    if (answer.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden))
                    {
                        break;
                    }
                }
                var text = await answer!.Content.ReadAsStringAsync();
                if (answer.StatusCode != HttpStatusCode.BadRequest
                    || answer.Content.Headers.ContentType?.MediaType != "application/problem+json"
                    || JsonNode.Parse(text)?["errors"]?[field.Key] is null
                    || JsonNode.Parse(text)?["detail"]?.GetValue<string>().Contains(field.Key, StringComparison.Ordinal) != true)
                {
                    failures.Add($"{method} {route} '{field.Key}' ({field.Limit + 1} characters) -> {(int)answer.StatusCode} {Cut(text)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedFields} text fields were not refused naming the field:\n"
                                          + string.Join("\n", failures));
        Assert.True(checkedFields > 40, $"only {checkedFields} text fields were found in {writes.Count} writes");
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task A_page_form_with_a_text_past_its_limit_answers_400_with_a_page_naming_the_field(string database)
    {
        var app = await AriadneAppFactory.SharedAsync(database);
        using var pages = await app.SignInToPagesAsync(await app.CreateUserWithRoleAsync(Roles.Investigator));

        var response = await AriadneAppFactory.PostFormAsync(pages, $"/Cases/View?id={Guid.NewGuid()}&handler=Risk",
            new() { ["Risk.Purpose"] = "Review", ["Risk.Summary"] = new string('x', Web.Data.ColumnLengths.Note + 1) }, getUrl: "/Cases");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Risk.Summary", html, StringComparison.Ordinal);
        Assert.Contains("too long", html, StringComparison.Ordinal);

        // Within the limit the same post reaches the page (here: an unknown case), so the limit is what refused it.
        var within = await AriadneAppFactory.PostFormAsync(pages, $"/Cases/View?id={Guid.NewGuid()}&handler=Risk",
            new() { ["Risk.Purpose"] = "Review", ["Risk.Summary"] = new string('x', Web.Data.ColumnLengths.Note) }, getUrl: "/Cases");
        Assert.NotEqual(HttpStatusCode.BadRequest, within.StatusCode);
    }

    /// <summary>A text field somewhere in a request, how to send a value in it, and the name the problem must give it.</summary>
    private sealed record TextField(string Key, int Limit, Func<string, JsonNode> Body);

    private static IEnumerable<TextField> TextFields(Type type, string prefix, int depth)
    {
        if (depth > 3)
        {
            yield break;
        }
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            var key = prefix.Length == 0 ? name : $"{prefix}.{name}";
            var limit = TextLimits.Of(property);
            var propertyType = property.PropertyType;
            if (propertyType == typeof(string))
            {
                yield return new TextField(key, limit, v => new JsonObject { [name] = v });
                continue;
            }
            var element = propertyType.IsArray ? propertyType.GetElementType()
                : propertyType.IsGenericType && typeof(IEnumerable).IsAssignableFrom(propertyType) && propertyType.GetGenericArguments().Length == 1
                    ? propertyType.GetGenericArguments()[0] : null;
            if (element == typeof(string))
            {
                yield return new TextField($"{key}[0]", limit, v => new JsonObject { [name] = new JsonArray(JsonValue.Create(v)) });
            }
            else if (element is { IsClass: true } && element.Assembly == typeof(TextLimits).Assembly)
            {
                foreach (var inner in TextFields(element, $"{key}[0]", depth + 1))
                {
                    yield return inner with { Body = v => new JsonObject { [name] = new JsonArray(inner.Body(v)) } };
                }
            }
            else if (propertyType.IsClass && propertyType.Assembly == typeof(TextLimits).Assembly)
            {
                foreach (var inner in TextFields(propertyType, key, depth + 1))
                {
                    yield return inner with { Body = v => new JsonObject { [name] = inner.Body(v) } };
                }
            }
        }
    }

    private static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "…";

    [GeneratedRegex(@"\{(?<name>[A-Za-z]+)(:(?<constraint>[a-z]+))?\}")]
    private static partial Regex RouteParameter();
}
