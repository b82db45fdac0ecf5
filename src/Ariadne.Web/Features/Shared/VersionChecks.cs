using Ariadne.Web.Data;
using Ariadne.Web.Security;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Ariadne.Web.Features.Shared;

/// <summary>
/// How the API and the pages carry the version a client read (ADR 0008): the API answers with an ETag and takes
/// If-Match; a page puts the version it was rendered from in every form it posts. Both end in
/// <see cref="ExpectedVersions"/>, which the context checks on save.
/// </summary>
public static class VersionChecks
{
    /// <summary>The hidden field every form of a versioned page carries.</summary>
    public const string FormField = "__version";

    /// <summary>
    /// Every endpoint of the group about one <typeparamref name="T"/> (route value "id", or <paramref name="key"/>)
    /// takes If-Match on a change and answers a success with the record's ETag.
    /// </summary>
    public static RouteGroupBuilder WithVersionCheck<T>(this RouteGroupBuilder group, Func<HttpContext, object?>? key = null)
        where T : class
    {
        key ??= RouteId;
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var id = key(http);
            if (id is not null && !HttpMethods.IsGet(http.Request.Method)
                && Versioning.ParseIfMatch(http.Request.Headers.IfMatch) is { } expected)
            {
                http.RequestServices.GetRequiredService<ExpectedVersions>().Expect(typeof(T), id, expected);
            }
            var result = await next(context);
            if (id is not null && Succeeded(result))
            {
                if (await CurrentVersionAsync(http.RequestServices.GetRequiredService<AriadneDbContext>(), typeof(T), id) is { } v)
                {
                    http.Response.Headers.ETag = Versioning.ETag(v);
                }
            }
            return result;
        });
        return group;
    }

    /// <summary>
    /// The version of the record as this request leaves it; one the handler read without tracking it (the jurisdiction
    /// profile, an organisation shown for editing) is looked up by key.
    /// </summary>
    internal static async Task<int?> CurrentVersionAsync(AriadneDbContext db, Type type, object id) =>
        db.TrackedVersion(type, id) ?? (await db.FindAsync(type, id) is { } found ? db.VersionOf(found) : null);

    internal static object? RouteId(HttpContext http) =>
        http.Request.RouteValues.TryGetValue("id", out var raw) && Guid.TryParse(raw?.ToString(), out var id) ? id : null;

    private static bool Succeeded(object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }
        return result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 };
    }

    /// <summary>The record a page is about: the page's "id" (route or query), when it posts the version of a <see cref="VersionedByAttribute.Type"/>.</summary>
    internal static object? PageId(HttpContext http) =>
        RouteId(http) ?? (Guid.TryParse(http.Request.Query["id"], out var id) ? id : null);
}

/// <summary>Marks a page whose forms post the version of the record it shows (a <see cref="Type"/> with the page's id).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class VersionedByAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;
}

/// <summary>The version a page was rendered from, for <see cref="FormVersionTagHelper"/>.</summary>
public sealed class RenderedVersion
{
    public int? Value { get; set; }
}

/// <summary>
/// For pages marked <see cref="VersionedByAttribute"/>: a post's hidden version becomes the expected version, and
/// after the handler the version of the record as it now stands is what the page's forms carry.
/// </summary>
public sealed class FormVersionFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var type = context.HandlerInstance.GetType().GetCustomAttributes(typeof(VersionedByAttribute), true)
            .OfType<VersionedByAttribute>().FirstOrDefault()?.Type;
        var id = type is null ? null : VersionChecks.PageId(http);
        if (type is null || id is null)
        {
            await next();
            return;
        }
        if (HttpMethods.IsPost(http.Request.Method) && http.Request.HasFormContentType
            && Versioning.ParseIfMatch(http.Request.Form[VersionChecks.FormField]) is { } expected)
        {
            http.RequestServices.GetRequiredService<ExpectedVersions>().Expect(type, id, expected);
        }
        var executed = await next();
        if (executed.Result is not PageResult)
        {
            return;
        }
        http.RequestServices.GetRequiredService<RenderedVersion>().Value = await VersionChecks.CurrentVersionAsync(
            http.RequestServices.GetRequiredService<AriadneDbContext>(), type, id);
    }
}

/// <summary>
/// Adds the hidden version field to every posting form of a versioned page, so no form can forget it and a stale
/// post is refused instead of overwriting what someone else saved.
/// </summary>
[HtmlTargetElement("form", Attributes = "method")]
public sealed class FormVersionTagHelper(RenderedVersion rendered) : TagHelper
{
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (rendered.Value is not { } version
            || !string.Equals(output.Attributes["method"]?.Value?.ToString(), "post", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        var input = new TagBuilder("input") { TagRenderMode = TagRenderMode.SelfClosing };
        input.Attributes["type"] = "hidden";
        input.Attributes["name"] = VersionChecks.FormField;
        input.Attributes["value"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        output.PostContent.AppendHtml(input);
    }
}

/// <summary>A write that lost a race answers 409 problem details on the API, never 500; pages show the status page's 409.</summary>
public sealed class WriteConflictHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        if (WriteConflicts.Describe(exception) is not { } message || !http.Request.IsApi())
        {
            return false;
        }
        http.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status409Conflict,
                Title = message == WriteConflicts.Duplicate ? "Already recorded" : "Changed by someone else",
                Detail = message,
            },
        });
    }
}
