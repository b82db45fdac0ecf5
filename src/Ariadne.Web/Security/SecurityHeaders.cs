namespace Ariadne.Web.Security;

/// <summary>Headers that keep pages from being framed, sniffed or leaking addresses to other sites.</summary>
internal static class SecurityHeaders
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // Static files (versioned by asp-append-version; /lib holds the npm packages the build copies) may be cached.
            if (!context.Request.Path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase) && !context.Request.Path.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase)
                && !context.Request.Path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase))
            {
                // Pages and API answers carry personal data: no shared or browser cache may keep them.
                headers.CacheControl = "no-cache, no-store";
                headers.Pragma = "no-cache";
            }
            await next();
        });
}
