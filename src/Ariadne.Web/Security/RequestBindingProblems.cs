using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Ariadne.Web.Security;

/// <summary>
/// A request body the API cannot read (malformed JSON, a string where a list belongs, a number out of range) is the
/// caller's mistake: 400 problem details naming the field (issue 9, item 12), never a 500. Only binding failures
/// are handled here; any other exception stays a server error, so real faults are not hidden.
/// </summary>
internal sealed class RequestBindingProblems(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad || !context.Request.IsApi() || context.Response.HasStarted)
        {
            return false;
        }
        var field = FieldOf(bad);
        var detail = bad.InnerException is JsonException
            ? $"The request body could not be read{(field == "body" ? "" : $" at '{field}'")}: send JSON of the documented shape."
            : bad.Message;
        context.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [detail] })
            {
                Status = bad.StatusCode,
                Title = "The request could not be read",
                Detail = detail,
            },
        });
    }

    /// <summary>The JSON path of the failure as a field name ("indicators[0].id" → "indicators"), or "body".</summary>
    internal static string FieldOf(BadHttpRequestException exception)
    {
        if (exception.InnerException is JsonException { Path: { Length: > 2 } path })
        {
            var name = path.TrimStart('$', '.');
            var end = name.IndexOfAny(['.', '[']);
            return end > 0 ? name[..end] : name.Length > 0 ? name : "body";
        }
        return "body";
    }
}

/// <summary>
/// A page POST whose handler does not exist (none given, or a made-up name) is a bad request. Without this, Razor
/// Pages renders the page without running any handler, with a model that was never loaded (a 500).
/// </summary>
internal sealed class UnknownPageHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.HandlerMethod is null && !HttpMethods.IsGet(context.HttpContext.Request.Method)
            && !HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            context.Result = new BadRequestResult();
            return;
        }
        await next();
    }
}

/// <summary>
/// A checkbox posts "true" (and the hidden "false"); any other value is refused as a model error and stored as
/// false, so the page re-renders (the tag helper converts the stored value back to a bool and would throw on "maybe").
/// </summary>
internal sealed class CheckboxBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext bindingContext)
    {
        var value = bindingContext.ValueProvider.GetValue(bindingContext.ModelName);
        if (value == ValueProviderResult.None)
        {
            return Task.CompletedTask;
        }
        var first = value.FirstValue?.Trim();
        bool? parsed = first switch
        {
            null or "" => null,
            _ when bool.TryParse(first, out var b) => b,
            "on" => true,
            _ => null,
        };
        if (parsed is null && !string.IsNullOrEmpty(first))
        {
            bindingContext.ModelState.AddModelError(bindingContext.ModelName, $"{bindingContext.ModelMetadata.GetDisplayName()} must be ticked or not ticked.");
        }
        bindingContext.ModelState.SetModelValue(bindingContext.ModelName, parsed ?? false, (parsed ?? false) ? "true" : "false");
        bindingContext.Result = ModelBindingResult.Success(parsed ?? false);
        return Task.CompletedTask;
    }
}

internal sealed class CheckboxBinderProvider : IModelBinderProvider
{
    private static readonly CheckboxBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) => context.Metadata.ModelType == typeof(bool) ? Binder : null;
}
