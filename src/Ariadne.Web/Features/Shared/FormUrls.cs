using Microsoft.AspNetCore.Http.Extensions;

namespace Ariadne.Web.Features.Shared;

public static class FormUrls
{
    /// <summary>
    /// The address a page is read from, for a form posted to it: the same path and query without the page handler,
    /// so that reloading a refused form reads the page again rather than sending the form twice.
    /// </summary>
    public static string PageUrl(HttpRequest request)
    {
        var query = new QueryBuilder(request.Query.Where(q => !string.Equals(q.Key, "handler", StringComparison.OrdinalIgnoreCase)));
        return request.PathBase + request.Path + query.ToQueryString();
    }
}
