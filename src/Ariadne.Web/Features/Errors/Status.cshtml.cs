using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc;

namespace Ariadne.Web.Features.Errors;

[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string Heading { get; private set; } = "Something went wrong";
    public string Message { get; private set; } = "";

    // Re-executed after an exception there is no code in the query: the status the exception handler chose tells.
    public void OnGet(int? code = null) => Describe(code ?? Response.StatusCode);

    public void OnPost(int? code = null) => Describe(code ?? Response.StatusCode);

    private void Describe(int code)
    {
        (Heading, Message) = code switch
        {
            400 when HttpContext.Items[Shared.TextLimitPageFilter.ItemKey] is string tooLong =>
                ("A text is too long", tooLong + " Go back: what you typed is still in the form."),
            400 => ("The request could not be read", "Go back and check what you entered."),
            404 => ("Not found", "This page does not exist, or it is not yours to see."),
            403 => ("Not allowed", "Your role or organisation does not allow this."),
            409 => ("Changed by someone else", Data.WriteConflicts.Stale),
            429 => ("Too many attempts", "Wait a minute, then try again."),
            _ => ("Something went wrong", "Nothing you saved before was lost. Try again; if it happens again, tell your administrator the time it happened."),
        };
    }
}
