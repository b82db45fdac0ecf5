using System.Collections.Concurrent;
using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;
using Ariadne.Web.Data;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc;

namespace Ariadne.Web.Features.Shared;

/// <summary>
/// Every free-text field has a maximum length (issue 9, item 12), checked in one place for the API and the pages
/// before any handler runs: a field's limit is its <see cref="MaxLengthAttribute"/> (set from
/// <see cref="ColumnLengths"/> where it is stored), otherwise <see cref="ColumnLengths.Note"/>. Too long is refused
/// whole, never cut: cutting a statement silently would change what the person said.
/// </summary>
public static class TextLimits
{
    private static readonly ConcurrentDictionary<Type, TextField[]> Fields = new();

    /// <summary>The limit of a text field: its <see cref="MaxLengthAttribute"/> (on the property or, for a record, its parameter), else a note's.</summary>
    public static int Of(PropertyInfo property)
    {
        if (property.GetCustomAttribute<MaxLengthAttribute>() is { } own)
        {
            return own.Length;
        }
        var parameter = property.DeclaringType?.GetConstructors().SelectMany(c => c.GetParameters())
            .FirstOrDefault(p => p.Name == property.Name && p.ParameterType == property.PropertyType);
        return parameter?.GetCustomAttribute<MaxLengthAttribute>()?.Length ?? ColumnLengths.Note;
    }

    /// <summary>The fields of <paramref name="value"/> (named as the API names them, "indicators[0].note") that are too long.</summary>
    /// <param name="value">A request or form input.</param>
    /// <param name="prefix">The name of <paramref name="value"/> itself, if it has one.</param>
    /// <param name="asForm">Name fields as a form posts them ("Risk.Summary") rather than as JSON ("risk.summary").</param>
    public static Dictionary<string, string[]> Check(object? value, string prefix = "", bool asForm = false)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(value, prefix, ColumnLengths.Note, errors, 0, asForm);
        return errors;
    }

    /// <summary>A sentence that names the field, its limit and what to do, for a problem's detail or a page.</summary>
    public static string Describe(string field, int limit, int length) =>
        $"'{field}' is too long: at most {limit:N0} characters (it has {length:N0}). Nothing was saved; shorten it and send it again.";

    private static void Walk(object? value, string path, int limit, Dictionary<string, string[]> errors, int depth, bool asForm)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (text.Length > limit)
                {
                    errors[path.Length == 0 ? "value" : path] = [Describe(path, limit, text.Length)];
                }
                return;
            case IDictionary:
                return;
            case IEnumerable items when depth < 4:
                var index = 0;
                foreach (var item in items)
                {
                    // A list of texts shares its property's limit; each element is named for where it sits.
                    Walk(item, $"{path}[{index++}]", limit, errors, depth + 1, asForm);
                }
                return;
        }
        if (depth >= 4 || !IsOurs(value.GetType()))
        {
            return;
        }
        foreach (var field in FieldsOf(value.GetType()))
        {
            var name = asForm ? field.Property.Name : field.Name;
            Walk(field.Property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", field.Limit, errors, depth + 1, asForm);
        }
    }

    /// <summary>Requests and form inputs are Ariadne's own types; framework types (a principal, a context) are not walked.</summary>
    private static bool IsOurs(Type type) =>
        type.Assembly == typeof(TextLimits).Assembly && !type.IsEnum && !typeof(Delegate).IsAssignableFrom(type);

    private static TextField[] FieldsOf(Type type) =>
        Fields.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0 && p.CanRead && IsText(p.PropertyType))
            .Select(p => new TextField(p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), Of(p)))
            .ToArray());

    private static bool IsText(Type type) =>
        type == typeof(string) || (type != typeof(byte[]) && typeof(IEnumerable).IsAssignableFrom(type) && !typeof(IDictionary).IsAssignableFrom(type))
        || (type.IsClass && IsOurs(type));

    private sealed record TextField(PropertyInfo Property, string Name, int Limit);

    /// <summary>
    /// The API's check: every argument an endpoint reads from the request (a body, an <c>[AsParameters]</c> query),
    /// before its handler. Services the handler is given are not requests, and are left alone.
    /// </summary>
    public static RouteGroupBuilder WithTextLimits(this RouteGroupBuilder group)
    {
        group.AddEndpointFilterFactory((factory, next) =>
        {
            var services = factory.ApplicationServices.GetService<IServiceProviderIsService>();
            var requests = factory.MethodInfo.GetParameters()
                .Where(p => p.ParameterType != typeof(string) && IsOurs(p.ParameterType)
                            && (p.GetCustomAttribute<FromBodyAttribute>() is not null || p.GetCustomAttribute<AsParametersAttribute>() is not null
                                || (services?.IsService(p.ParameterType) != true && p.GetCustomAttribute<FromServicesAttribute>() is null)))
                .Select(p => p.Position)
                .ToArray();
            if (requests.Length == 0)
            {
                return next;
            }
            return async context =>
            {
                var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
                foreach (var position in requests)
                {
                    foreach (var (field, messages) in Check(context.Arguments[position]))
                    {
                        errors[field] = messages;
                    }
                }
                if (errors.Count == 0)
                {
                    return await next(context);
                }
                return TypedResults.ValidationProblem(errors, detail: string.Join(" ", errors.Values.SelectMany(m => m)),
                    title: "A text is too long");
            };
        });
        return group;
    }
}

/// <summary>
/// The pages' check, the same limits as the API's: a bound form input or handler argument that is too long is
/// answered with 400 and a page that names the field (<c>/Errors/Status</c>), before the handler saves anything.
/// </summary>
internal sealed class TextLimitPageFilter : IAsyncPageFilter
{
    /// <summary>Where the status page finds what to say about the refused field.</summary>
    public const string ItemKey = "ariadne.text-limit";

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            foreach (var property in context.HandlerInstance.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                         .Where(p => p.GetCustomAttribute<BindPropertyAttribute>() is not null))
            {
                var value = property.GetValue(context.HandlerInstance);
                var limit = TextLimits.Of(property);
                AddAll(errors, value is string text
                    ? text.Length > limit ? new() { [property.Name] = [TextLimits.Describe(property.Name, limit, text.Length)] } : []
                    : TextLimits.Check(value, property.Name, asForm: true));
            }
            foreach (var (name, value) in context.HandlerArguments)
            {
                AddAll(errors, value is string text
                    ? text.Length > ColumnLengths.Note ? new() { [name] = [TextLimits.Describe(name, ColumnLengths.Note, text.Length)] } : []
                    : TextLimits.Check(value, name, asForm: true));
            }
        }
        if (errors.Count == 0)
        {
            await next();
            return;
        }
        context.HttpContext.Items[ItemKey] = string.Join(" ", errors.Values.SelectMany(m => m));
        context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
    }

    private static void AddAll(Dictionary<string, string[]> into, Dictionary<string, string[]> from)
    {
        foreach (var (key, value) in from)
        {
            into[key] = value;
        }
    }
}
