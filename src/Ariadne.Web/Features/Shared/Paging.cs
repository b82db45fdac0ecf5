using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace Ariadne.Web.Features.Shared;

/// <summary>
/// One page of a list (issue #9 item 16): a national mechanism's unit holds thousands of cases, and a list
/// that returns them all is megabytes per request. The same bounds on the API and the pages.
/// </summary>
public sealed record Paging(int Page, int PageSize)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    public static readonly Paging First = new(1, DefaultSize);

    public int Skip => (Page - 1) * PageSize;

    /// <summary>The page asked for, or null with the field named in <paramref name="errors"/> when out of bounds.</summary>
    public static Paging? From(int? page, int? pageSize, IDictionary<string, string[]> errors)
    {
        if (page is < 1)
        {
            errors["page"] = ["The page number starts at 1."];
        }
        if (pageSize is < 1 or > MaxSize)
        {
            errors["pageSize"] = [$"The page size is between 1 and {MaxSize}."];
        }
        // A page number so large that its offset would overflow matches nothing anyway.
        return errors.Count > 0 ? null : new Paging(Math.Min(page ?? 1, int.MaxValue / MaxSize), pageSize ?? DefaultSize);
    }

    public int Pages(int total) => Math.Max(1, (total + PageSize - 1) / PageSize);

    public bool HasNext(int total) => Page < Pages(total);

    /// <summary>
    /// The API's answer keeps its body (the list) and says where it is in headers: <c>X-Total-Count</c>, and
    /// RFC 8288 <c>Link</c> rel="next"/"prev" with the same query and the page changed.
    /// </summary>
    public void Describe(HttpContext http, int total)
    {
        http.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
        var links = new List<string>();
        if (HasNext(total))
        {
            links.Add($"<{Link(http.Request, Page + 1)}>; rel=\"next\"");
        }
        if (Page > 1)
        {
            links.Add($"<{Link(http.Request, Math.Min(Page - 1, Pages(total)))}>; rel=\"prev\"");
        }
        if (links.Count > 0)
        {
            http.Response.Headers.Link = string.Join(", ", links);
        }
    }

    private string Link(HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => q.Key is not ("page" or "pageSize"))
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new("page", page.ToString(CultureInfo.InvariantCulture)))
            .Append(new("pageSize", PageSize.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString($"{request.PathBase}{request.Path}", query);
    }
}
